package io.orderchat.pusher;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pusher's subscription signature: {@code <key>:<hex HMAC-SHA256 of "socket_id:channel">}
 * with the app secret, so a subscription signed for one connection is worth nothing on
 * another.
 */
final class ChannelSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private final String key;

	private final SecretKeySpec secret;

	ChannelSignature(String key, String secret) {
		this.key = key;
		this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	String sign(String socketId, String channel) {
		return this.key + ":" + HexFormat.of().formatHex(mac(socketId + ":" + channel));
	}

	/** Compares in constant time, so the signature cannot be guessed byte by byte. */
	boolean verifies(String auth, String socketId, String channel) {
		if (auth == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(socketId, channel).getBytes(StandardCharsets.UTF_8),
				auth.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] mac(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.secret);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
