package io.orderchat.orders;

import java.util.Map;

import io.orderchat.identity.Caller;
import io.orderchat.orders.NewOrderFormController.FormSetting;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The "New order" form is on unless a host app that creates its orders turns it off. */
class NewOrderFormControllerTest {

	@Test
	void onByDefaultOffWhenTheHostAppSaysSo() {
		assertThat(enabled(Map.of())).isTrue();
		assertThat(enabled(Map.of("orderchat.orders.new-order-form", "false"))).isFalse();
	}

	private static boolean enabled(Map<String, String> properties) {
		FormSetting setting = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("orderchat.orders", FormSetting.class);
		return new NewOrderFormController(setting).form((Caller) null).data().enabled();
	}

}
