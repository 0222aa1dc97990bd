package io.orderchat.orders;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orders/new-order-form}: whether OrderChat's web UI offers customers its
 * "New order" form. A host app that creates the orders itself turns it off
 * ({@code orderchat.orders.new-order-form=false}); customers then only chat about them.
 */
@RestController
class NewOrderFormController {

	private final FormSetting setting;

	NewOrderFormController(FormSetting setting) {
		this.setting = setting;
	}

	@GetMapping("/api/orders/new-order-form")
	ApiResponse<NewOrderForm> form(Caller caller) {
		return ApiResponse.ok(new NewOrderForm(this.setting.newOrderForm()));
	}

	record NewOrderForm(boolean enabled) {
	}

	/**
	 * @param newOrderForm whether the web UI shows customers the "New order" form
	 */
	@ConfigurationProperties("orderchat.orders")
	record FormSetting(@DefaultValue("true") boolean newOrderForm) {
	}

}
