package io.orderchat.shared.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;

/**
 * The browser hardening headers on every answer (pages, scripts, REST, errors). The web
 * UI keeps its token in localStorage, so a script injected from anywhere would own the
 * account: the policy allows scripts, styles and connections of this origin only, no
 * inline code, no framing, and no referrer (signed download links must not leak).
 */
public final class SecurityHeaders implements Filter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		addTo((HttpServletResponse) response);
		chain.doFilter(request, response);
	}

	/** For a filter that answers before this one's turn. */
	public static void addTo(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	/** For a Jetty handler that answers before the servlet context. */
	public static void addTo(HttpFields.Mutable headers) {
		headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.put("X-Frame-Options", "DENY");
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("Referrer-Policy", "no-referrer");
	}

}
