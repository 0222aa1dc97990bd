package io.orderchat.shared.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a request id on every log line a REST call causes (and the user id, once
 * {@code BearerAuthentication} knows it), and answers it in {@code X-Request-Id} so a
 * client's report can be found in the log. A caller's own id is kept when it is a plain
 * token (a load balancer's or the host app's), otherwise a new one is made.
 */
public class RequestLogContext extends OncePerRequestFilter {

	public static final String REQUEST_ID = "requestId";

	public static final String USER_ID = "userId";

	static final String HEADER = "X-Request-Id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = (given != null && PLAIN.matcher(given).matches()) ? given : newId();
		response.setHeader(HEADER, id);
		MDC.put(REQUEST_ID, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(REQUEST_ID);
			MDC.remove(USER_ID);
		}
	}

	private static String newId() {
		byte[] bytes = new byte[8];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
