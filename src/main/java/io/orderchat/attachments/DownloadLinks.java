package io.orderchat.attachments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Short-lived download links for places that cannot send a header ({@code <img src>}):
 * {@code ?expires=<epoch seconds>&signature=<HMAC-SHA256 of id, variant and expiry>}.
 * Whoever holds a link may fetch that one file (or its thumbnail) until it expires; it is
 * only handed to someone who passed the access check.
 */
@Component
class DownloadLinks {

	private final byte[] key;

	private final AttachmentProperties properties;

	private final Clock clock;

	DownloadLinks(AttachmentProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		if (properties.signingSecret().isBlank()) {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
		else {
			this.key = properties.signingSecret().getBytes(StandardCharsets.UTF_8);
		}
	}

	/** A link to the file or its thumbnail. */
	SignedLink sign(Attachment attachment, boolean thumbnail) {
		return sign(attachment.id(), thumbnail ? attachment.thumbnailUrl() : attachment.fileUrl(), thumbnail);
	}

	/** A link to the file or thumbnail {@code id} found at {@code base}. */
	SignedLink sign(UUID id, String base, boolean thumbnail) {
		long epoch = expiryOfLinksSignedNow().getEpochSecond();
		return new SignedLink(base + "?expires=" + epoch + "&signature=" + signature(id, thumbnail, epoch),
				Instant.ofEpochSecond(epoch));
	}

	/** When a link signed now stops working (whole seconds, as the link says). */
	Instant expiryOfLinksSignedNow() {
		return Instant.ofEpochSecond(this.clock.instant().plus(this.properties.downloadLinkTtl()).getEpochSecond());
	}

	boolean valid(UUID id, boolean thumbnail, long expires, String signature) {
		if (signature == null || this.clock.instant().getEpochSecond() >= expires) {
			return false;
		}
		return MessageDigest.isEqual(signature(id, thumbnail, expires).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(UUID id, boolean thumbnail, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal(
					(id + "|" + (thumbnail ? "thumbnail" : "file") + "|" + expires).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A signed link and when it stops working. */
	record SignedLink(String url, Instant expiresAt) {
	}

}
