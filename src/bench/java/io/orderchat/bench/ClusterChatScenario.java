package io.orderchat.bench;

import java.util.List;

/**
 * Chat across nodes: the scenario of {@link ChatScenario} on one OrderChat node, then on
 * {@code --nodes} (2) nodes sharing a Redis, where clients take the nodes in turn so that each
 * conversation's customer and performer sit on different nodes and every message crosses the
 * bus ({@code --targets}: orderchat, orderchat-cluster). The socket.io peer has no stored,
 * acknowledged send to compare with here; it is in {@code cluster-fanout}.
 */
final class ClusterChatScenario implements Scenario {

	@Override
	public String name() {
		return "cluster-chat";
	}

	@Override
	public Result run(Context context) throws Exception {
		Result result = new Result(name());
		List<Target> targets = context.clusterComparison("orderchat,orderchat-cluster");
		for (Target target : targets) {
			if (target.kind() != Target.Kind.ORDERCHAT) {
				throw new IllegalArgumentException("cluster-chat runs OrderChat only; --targets=" + target.name());
			}
			ChatScenario.measure(context, target, context.clusterDatabase(), result);
		}
		BusCost.figures(result, targets);
		return result;
	}

}
