package io.orderchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fan-out across nodes: the scenario of {@link FanoutScenario} on one OrderChat node, on
 * {@code --nodes} (2) OrderChat nodes sharing a Redis with the room's members spread over
 * them, on the socket.io peer in one process and on {@code --nodes} peer processes with
 * {@code @socket.io/redis-adapter}, the steps alternating between them in one run
 * ({@code --targets} picks: orderchat, orderchat-cluster, peer, peer-cluster). Besides the
 * best deliveries/s at p99 < 100 ms it answers what the bus costs: CPU (nodes plus Redis) per
 * delivered message and the added latency, against the same server on one node at the
 * highest rate both held.
 */
final class ClusterFanoutScenario implements Scenario {

	@Override
	public String name() {
		return "cluster-fanout";
	}

	@Override
	public Result run(Context context) throws Exception {
		Options options = context.options;
		int members = options.integer("members", 1_000, 10);
		List<Double> rates = options.decimals("rates", "20,40,60,80,100,120,150,200", "5,10");
		int stepSeconds = options.integer("step-seconds", 6, 2);
		int size = options.integer("payload", 100, 100);
		Result result = new Result(name());
		List<FanoutScenario.Room> rooms = new ArrayList<>();
		try {
			for (Target target : context.clusterComparison("orderchat,orderchat-cluster,peer,peer-cluster")) {
				rooms.add(FanoutScenario.Room.open(context, target, members));
			}
			Map<String, Double> best = FanoutScenario.race(context, rooms, rates, stepSeconds, size, result);
			for (FanoutScenario.Room room : rooms) {
				result.figure(room.target.name() + " deliveries/s with p99 < 100 ms",
						best.getOrDefault(room.target.name(), 0.0), "msgs/s");
			}
			BusCost.figures(result, rooms.stream().map((room) -> room.target).toList());
			for (FanoutScenario.Room room : rooms) {
				if (room.fleet.dropped() > 0) {
					result.note(room.target.name() + ": " + room.fleet.dropped() + " connections dropped, first: "
							+ room.fleet.firstError());
				}
				if (room.handler.firstError.get() != null) {
					result.note(room.target.name() + ": first refused send: " + room.handler.firstError.get());
				}
			}
		}
		finally {
			rooms.forEach(FanoutScenario.Room::close);
		}
		return result;
	}

}
