package io.orderchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import io.orderchat.shared.web.RequestLogContext;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

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
		Caller caller = this.verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
		request.setAttribute(CALLER, caller);
		MDC.put(RequestLogContext.USER_ID, caller.userId());
		return true;
	}

}
