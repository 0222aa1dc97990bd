package io.orderchat.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import io.orderchat.shared.ClusterMode;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * In cluster mode, names the node before logging starts:
 * {@code orderchat.cluster.node-id} (hostname and process id unless configured) goes into
 * every text log line's level column and into structured logs' {@code service.node.name},
 * so the lines of several nodes can be told apart once collected. Added last: an
 * operator's own log pattern wins.
 */
public class NodeIdEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String NODE_ID = "orderchat.cluster.node-id";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClusterMode.enabled(environment)) {
			return;
		}
		String nodeId = environment.getProperty(NODE_ID);
		if (!StringUtils.hasText(nodeId)) {
			nodeId = defaultNodeId();
		}
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("logging.pattern.level", "%5p [" + nodeId + "]");
		defaults.put("logging.structured.ecs.service.node-name", nodeId);
		environment.getPropertySources().addLast(new MapPropertySource("orderchat-node-id", defaults));
		// first: an empty setting (NODE_ID= in the environment) means "choose one"
		environment.getPropertySources()
			.addFirst(new MapPropertySource("orderchat-node-id-resolved", Map.of(NODE_ID, nodeId)));
	}

	static String defaultNodeId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		return host + "-" + ProcessHandle.current().pid();
	}

}
