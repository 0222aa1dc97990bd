package io.orderchat.shared.web;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogContextTest {

	final RequestLogContext filter = new RequestLogContext();

	@Test
	void everyLineOfARequestCarriesItsIdWhichTheAnswerNames() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		Map<String, String> seen = new HashMap<>();

		this.filter.doFilter(new MockHttpServletRequest("GET", "/api/unread"), response, (request, answer) -> {
			MDC.put(RequestLogContext.USER_ID, "u1");
			seen.putAll(MDC.getCopyOfContextMap());
		});

		assertThat(seen.get(RequestLogContext.REQUEST_ID)).matches("[0-9a-f]{16}")
			.isEqualTo(response.getHeader("X-Request-Id"));
		assertThat(MDC.get(RequestLogContext.REQUEST_ID)).as("cleared after the request").isNull();
		assertThat(MDC.get(RequestLogContext.USER_ID)).as("cleared after the request").isNull();
	}

	@Test
	void keepsAPlainIdFromTheCallerAndReplacesAnythingElse() throws Exception {
		assertThat(idFor("lb-7f3a.92")).isEqualTo("lb-7f3a.92");
		assertThat(idFor("evil\nline")).matches("[0-9a-f]{16}");
		assertThat(idFor("x".repeat(65))).matches("[0-9a-f]{16}");
	}

	private String idFor(String given) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/unread");
		request.addHeader("X-Request-Id", given);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> {
		});
		return response.getHeader("X-Request-Id");
	}

}
