package io.orderchat.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import io.lettuce.core.RedisURI;
import io.orderchat.shared.ClusterMode;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Fails a cluster node's start before anything else starts (database pool, migrations,
 * web server) when nothing listens at the Redis address (at none of a Redis Cluster's
 * seed nodes): the operator learns it in a second, not after the whole start.
 * Authentication and the like are checked when the client connects
 * ({@link RedisConnections#connect}).
 */
final class RedisReachable implements BeanFactoryPostProcessor {

	private final Environment environment;

	RedisReachable(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String url = this.environment.getProperty(ClusterMode.REDIS_URL, "");
		Duration timeout = DurationStyle
			.detectAndParse(this.environment.getProperty("orderchat.cluster.connect-timeout", "5s"));
		RedisAddress address = RedisAddress.parse(url);
		IOException failure = null;
		for (RedisURI node : address.nodes()) {
			if (node.getSocket() != null || !node.getSentinels().isEmpty()) {
				return;
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(node.getHost(), node.getPort()), (int) timeout.toMillis());
				// one seed of a cluster is enough: the client learns the others from it
				return;
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		throw RedisConnections.unreachable(url, timeout, failure);
	}

}
