package io.orderchat.shared.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.orderchat.shared.ErrorCode;
import io.orderchat.shared.Inputs;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what one REST request may make the server read, before any controller runs: a
 * body (other than a multipart upload, which has limits of its own) of at most
 * {@code orderchat.server.max-body-size}, refused with 413 {@code PAYLOAD_TOO_LARGE}, and
 * no NUL character ({@code %00}) in the path or query, refused with 400
 * {@code VALIDATION_FAILED}. A body within the limit is read here once and handed on from
 * memory, so a body without a declared length is bounded too.
 */
final class RequestLimits extends OncePerRequestFilter {

	private final long maxBodySize;

	private final JsonMapper json;

	RequestLimits(DataSize maxBodySize, JsonMapper json) {
		this.maxBodySize = maxBodySize.toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasNul(request.getRequestURI()) || hasNul(request.getQueryString())) {
			refuse(response, ErrorCode.VALIDATION_FAILED, Inputs.nulMessage("path or query"));
			return;
		}
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			refuseTooLarge(response);
			return;
		}
		if (declared == 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
		if (body.length > this.maxBodySize) {
			refuseTooLarge(response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean hasNul(String raw) {
		return raw != null && (raw.contains("%00") || raw.indexOf('\0') >= 0);
	}

	private void refuseTooLarge(HttpServletResponse response) throws IOException {
		// the rest of the body is not read: the connection closes after the answer
		response.setHeader("Connection", "close");
		refuse(response, ErrorCode.PAYLOAD_TOO_LARGE,
				"The request body may have at most " + this.maxBodySize + " bytes");
	}

	private void refuse(HttpServletResponse response, ErrorCode code, String message) throws IOException {
		response.setStatus(code.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(ApiResponse.failure(code, message)));
	}

	/** The request with its body, already read, served from memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
