package io.orderchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the {@code Authorization: Bearer} token of every REST call it guards (expiry
 * included, on every call) and leaves the {@link Caller} on the request for
 * {@link CallerArgument}.
 */
class BearerAuthentication implements HandlerInterceptor {

	static final String CALLER = BearerAuthentication.class.getName() + ".caller";

	private final TokenVerifier verifier;

	BearerAuthentication(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (CorsUtils.isPreFlightRequest(request)) {
			return true;
		}
		request.setAttribute(CALLER, this.verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION)));
		return true;
	}

}
