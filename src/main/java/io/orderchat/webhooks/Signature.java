package io.orderchat.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-OrderChat-Signature} header: {@code t=<unix seconds>,v1=<hex>}, where the
 * hex is HMAC-SHA256 with the endpoint's secret over {@code <t>.<body>}. Signing the time
 * with the body lets a receiver refuse a replayed request (docs/rest.md, "Webhooks").
 */
public final class Signature {

	public static final String HEADER = "X-OrderChat-Signature";

	private Signature() {
	}

	public static String header(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
	}

	/** Hex HMAC-SHA256 of {@code <unixSeconds>.<body>}. */
	public static String hmac(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
