package io.orderchat.realtime.gateway;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import io.orderchat.shared.web.SecurityHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands {@code /socket.io/*} requests straight to the engine's servlet, past the filters
 * mapped to {@code /*} after it: Spring MVC's (character encoding, form content, request
 * context, the HTTP server observation) and Jetty's {@code WebSocketUpgradeFilter}. None
 * does anything for the engine, which reads its own query, upgrades by itself and has its
 * own metrics, and together they were a tenth of a connect's CPU (docs/benchmarks.md).
 * The engine's answers keep the security headers, which this filter sets itself: it may
 * come before the filter that sets them elsewhere.
 */
final class SocketPathShortcut implements Filter {

	private final HttpServlet engine;

	SocketPathShortcut(HttpServlet engine) {
		this.engine = engine;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		SecurityHeaders.addTo((HttpServletResponse) response);
		this.engine.service(request, response);
	}

}
