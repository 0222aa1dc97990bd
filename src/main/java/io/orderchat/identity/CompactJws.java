package io.orderchat.identity;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

/**
 * A token in JWS compact form ({@code header.payload.signature}), split without Nimbus's
 * {@code SignedJWT}: that parses each token's header with Gson, although a deployment
 * signs every token with one or a few headers. {@link Headers} parses each distinct
 * header once.
 *
 * @param header the parsed header
 * @param signingInput the bytes the signature covers ({@code header.payload} in ASCII)
 * @param payload the claims' JSON, base64url-encoded
 * @param signature the signature, base64url-encoded
 */
record CompactJws(JWSHeader header, byte[] signingInput, Base64URL payload, Base64URL signature) {

	/** Refuses what is not three dot-separated parts with a JWS header. */
	static CompactJws parse(String token, Headers headers) throws ParseException {
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
			throw new ParseException("Not three dot-separated parts", 0);
		}
		JWSHeader header = headers.parse(token.substring(0, first));
		return new CompactJws(header, token.substring(0, second).getBytes(StandardCharsets.US_ASCII),
				new Base64URL(token.substring(first + 1, second)), new Base64URL(token.substring(second + 1)));
	}

	/**
	 * The headers parsed so far, by their encoded text. Bounded: past {@link #CAPACITY}
	 * distinct headers (tokens made up to fill it), a header is parsed each time again.
	 */
	static final class Headers {

		static final int CAPACITY = 64;

		private final Map<String, JWSHeader> byText = new ConcurrentHashMap<>();

		JWSHeader parse(String encoded) throws ParseException {
			JWSHeader header = this.byText.get(encoded);
			if (header == null) {
				header = JWSHeader.parse(new Base64URL(encoded));
				if (this.byText.size() < CAPACITY) {
					this.byText.putIfAbsent(encoded, header);
				}
			}
			return header;
		}

	}

}
