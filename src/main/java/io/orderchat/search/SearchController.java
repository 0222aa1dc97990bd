package io.orderchat.search;

import io.orderchat.identity.Caller;
import io.orderchat.shared.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search} (docs/rest.md, "Search"). */
@RestController
class SearchController {

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	ApiResponse<SearchPage> search(Caller caller, @RequestParam(required = false) String q,
			@RequestParam(required = false) String conversationId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String orderId, @RequestParam(required = false) String senderId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiResponse.ok(this.search.search(caller,
				new MessageSearch.Request(q, conversationId, kind, orderId, senderId, from, to, limit, cursor)));
	}

}
