package io.orderchat.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-address rate of REST requests, generous: it stops a script hammering the API
 * from one address before any work is done. Its refusal goes through the REST error
 * handling like any other ({@code 429}, {@code Retry-After}, the JSON envelope). The
 * address is the connection's, or the client's as forwarded by a trusted proxy when
 * {@code server.forward-headers-strategy} is set.
 */
final class RequestRateLimit implements HandlerInterceptor {

	private final RateLimits limits;

	RequestRateLimit(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.limits.spend(Limit.REQUESTS_PER_IP, request.getRemoteAddr());
		return true;
	}

}
