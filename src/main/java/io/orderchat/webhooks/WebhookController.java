package io.orderchat.webhooks;

import java.util.List;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/webhooks}: endpoints and the delivery log, for admins (docs/rest.md,
 * "Webhooks").
 */
@RestController
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/admin/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse<Webhooks.Registered> register(Caller caller, @RequestBody Webhooks.EndpointRequest request) {
		return ApiResponse.ok(this.webhooks.register(caller, request));
	}

	@GetMapping("/api/admin/webhooks")
	ApiResponse<List<Endpoint>> endpoints(Caller caller) {
		return ApiResponse.ok(this.webhooks.endpoints(caller));
	}

	@PatchMapping("/api/admin/webhooks/{id}")
	ApiResponse<Endpoint> update(Caller caller, @PathVariable String id,
			@RequestBody Webhooks.EndpointRequest request) {
		return ApiResponse.ok(this.webhooks.update(caller, id, request));
	}

	@DeleteMapping("/api/admin/webhooks/{id}")
	ApiResponse<Void> remove(Caller caller, @PathVariable String id) {
		this.webhooks.remove(caller, id);
		return ApiResponse.ok(null);
	}

	@GetMapping("/api/admin/webhooks/deliveries")
	ApiResponse<List<Delivery>> deliveries(Caller caller, @RequestParam(required = false) String endpointId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit) {
		return ApiResponse.ok(this.webhooks.deliveries(caller, endpointId, status, limit));
	}

	@PostMapping("/api/admin/webhooks/deliveries/{id}/retry")
	ApiResponse<Delivery> retry(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(this.webhooks.retryNow(caller, id));
	}

}
