package io.orderchat.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether this node is one of a cluster: it is when a Redis URL is configured
 * ({@code REDIS_URL}, {@code spring.data.redis.url} or
 * {@code orderchat.cluster.redis-url}), else it is the embedded single node that needs no
 * Redis. Modules mark their in-memory defaults {@link SingleNode}; the cluster package
 * provides the shared ones.
 */
public final class ClusterMode {

	/** The setting that switches cluster mode on. */
	public static final String REDIS_URL = "orderchat.cluster.redis-url";

	private ClusterMode() {
	}

	public static boolean enabled(Environment environment) {
		return StringUtils.hasText(environment.getProperty(REDIS_URL));
	}

	/** A bean of the embedded single node, replaced by a shared one in cluster mode. */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Conditional(OnSingleNode.class)
	public @interface SingleNode {

	}

	/** A bean that exists only in cluster mode. */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Conditional(OnCluster.class)
	public @interface Clustered {

	}

	static final class OnSingleNode implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !enabled(context.getEnvironment());
		}

	}

	static final class OnCluster implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return enabled(context.getEnvironment());
		}

	}

}
