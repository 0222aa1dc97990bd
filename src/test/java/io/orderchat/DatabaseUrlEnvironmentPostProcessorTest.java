package io.orderchat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlEnvironmentPostProcessorTest {

	@Test
	void translatesTheNodeFormWithCredentials() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor
			.translate("postgres://chat:s%40cret@db.example:6543/orders?sslmode=require", null, null);

		assertThat(properties)
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:6543/orders?sslmode=require")
			.containsEntry("spring.datasource.username", "chat")
			.containsEntry("spring.datasource.password", "s@cret");
	}

	@Test
	void takesCredentialsFromTheEnvironmentWhenTheUrlHasNone() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor.translate("postgresql://localhost/chat",
				"app", "pw");

		assertThat(properties).containsEntry("spring.datasource.url", "jdbc:postgresql://localhost/chat")
			.containsEntry("spring.datasource.username", "app")
			.containsEntry("spring.datasource.password", "pw");
	}

	@Test
	void keepsAJdbcUrlAndDropsTheEmbeddedUser() {
		Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor
			.translate("jdbc:postgresql://127.0.0.1:5432/chat?user=postgres", null, null);

		assertThat(properties)
			.containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/chat?user=postgres")
			.containsEntry("spring.datasource.username", "");
	}

	@Test
	void leavesAnH2UrlsCredentialsAlone() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.translate("jdbc:h2:mem:x", null, null))
			.containsOnlyKeys("spring.datasource.url");
	}

	@Test
	void refusesOtherSchemes() {
		assertThatThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.translate("mysql://h/db", null, null))
			.hasMessageContaining("DATABASE_URL");
	}

}
