package io.orderchat.orders;

import java.util.List;

import io.orderchat.conversations.ConversationId;
import io.orderchat.identity.Caller;
import io.orderchat.shared.DomainException;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/orders}: seed 000's order API and the server-to-server registration. */
@RestController
class OrderController {

	private final OrderManagement orders;

	OrderController(OrderManagement orders) {
		this.orders = orders;
	}

	@PostMapping("/api/orders")
	ResponseEntity<ApiResponse<Placed>> create(Caller caller, @RequestBody NewOrder request) {
		Order order = this.orders.create(caller, request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ApiResponse.ok(new Placed(OrderJson.of(order), order.conversationId(), true)));
	}

	@GetMapping("/api/orders/my-orders")
	ApiResponse<List<OrderJson>> mine(Caller caller) {
		return ApiResponse.ok(json(this.orders.mine(caller, null)));
	}

	@GetMapping("/api/orders/my-orders/{status}")
	ApiResponse<List<OrderJson>> mine(Caller caller, @PathVariable String status) {
		return ApiResponse.ok(json(this.orders.mine(caller, status(status))));
	}

	@GetMapping("/api/orders/all")
	ApiResponse<List<OrderJson>> all(Caller caller, @RequestParam(required = false) String status) {
		return ApiResponse.ok(json(this.orders.all(caller, (status != null) ? status(status) : null)));
	}

	@GetMapping("/api/orders/{id}")
	ApiResponse<OrderJson> get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(OrderJson.of(this.orders.get(caller, id)));
	}

	@PatchMapping("/api/orders/{id}/status")
	ApiResponse<OrderJson> changeStatus(Caller caller, @PathVariable String id, @RequestBody StatusChange request) {
		return ApiResponse.ok(OrderJson
			.of(this.orders.changeStatus(caller, id, request.status(), request.notes(), request.updatedBy())));
	}

	@PostMapping("/api/orders/external")
	ResponseEntity<ApiResponse<Placed>> register(Caller caller, @RequestBody ExternalOrder request) {
		Registration registration = this.orders.registerExternal(caller, request);
		Order order = registration.order();
		return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ApiResponse.ok(new Placed(OrderJson.of(order), order.conversationId(), registration.created())));
	}

	@PutMapping("/api/orders/{id}/performer")
	ApiResponse<OrderJson> changePerformer(Caller caller, @PathVariable String id,
			@RequestBody PerformerChange request) {
		return ApiResponse.ok(OrderJson.of(this.orders.changePerformer(caller, id, request.performer())));
	}

	private static OrderStatus status(String value) {
		return OrderStatus.parse(value)
			.orElseThrow(() -> DomainException.invalid("Unknown order status '" + value
					+ "'; one of pending, processing, completed, cancelled, rejected"));
	}

	private static List<OrderJson> json(List<Order> orders) {
		return orders.stream().map(OrderJson::of).toList();
	}

	/**
	 * Seed 000's answer to placing an order: the order and its chat room (conversation).
	 */
	record Placed(OrderJson order, ConversationId chatRoomId, boolean created) {
	}

	/**
	 * {@code status}: OrderChat's name or a host app's alias of it; {@code updatedBy}:
	 * who made the change, when an admin (the host's service token) reports it.
	 */
	record StatusChange(String status, String notes, String updatedBy) {
	}

	record PerformerChange(Party performer) {
	}

}
