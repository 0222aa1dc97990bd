package io.orderchat.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on every wait for the database, so that an unreachable database is answered
 * {@code UNAVAILABLE} within seconds instead of hanging requests for the whole outage.
 * Hikari's {@code connection-timeout} bounds taking a connection (application.yml); here
 * PostgreSQL's driver gets a connect, login and socket read timeout (a connection whose
 * server went silent fails instead of waiting forever), and the {@code db} health check a
 * validation timeout (Spring Boot's own waits without one).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

	@Bean
	static BeanPostProcessor postgresDriverTimeouts(ObjectProvider<Settings> settings) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					Settings bounds = settings.getObject();
					setUnlessInUrl(hikari, "connectTimeout", bounds.connectTimeout());
					setUnlessInUrl(hikari, "loginTimeout", bounds.connectTimeout());
					setUnlessInUrl(hikari, "socketTimeout", bounds.socketTimeout());
				}
				return bean;
			}
		};
	}

	private static void setUnlessInUrl(HikariDataSource hikari, String property, Duration value) {
		if (!hikari.getJdbcUrl().contains(property + "=")) {
			hikari.addDataSourceProperty(property, String.valueOf(Math.max(1, value.toSeconds())));
		}
	}

	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, Settings settings) {
		int seconds = (int) Math.max(1, settings.validationTimeout().toSeconds());
		return () -> {
			try (Connection connection = dataSource.getConnection()) {
				return connection.isValid(seconds) ? Health.up().build()
						: Health.down().withDetail("reason", "no answer within " + seconds + " s").build();
			}
			catch (SQLException | RuntimeException ex) {
				return Health.down(ex).build();
			}
		};
	}

	/**
	 * @param connectTimeout PostgreSQL: opening a connection and logging in
	 * @param socketTimeout PostgreSQL: the longest wait for any answer of the server (the
	 * longest query and migration must fit; a server gone silent is detected after it)
	 * @param validationTimeout the {@code db} health check's wait for the database
	 */
	@ConfigurationProperties("orderchat.database")
	record Settings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration socketTimeout,
			@DefaultValue("2s") Duration validationTimeout) {
	}

}
