package io.orderchat.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.orderchat.conversations.AttachedFile;
import io.orderchat.conversations.ConversationId;

/**
 * A stored file. Until a message carries it ({@code messageId} null) it is a pre-upload
 * that only its uploader sees; then whoever may read its conversation may download it.
 */
record Attachment(UUID id, String uploaderId, ConversationId conversationId, UUID messageId, String storageKey,
		String fileName, FileType type, long size, String thumbnailKey, Instant createdAt) {

	static final String URL_PREFIX = "/uploads/chat-attachments/";

	boolean pending() {
		return this.messageId == null;
	}

	String fileUrl() {
		return URL_PREFIX + this.id + "/"
				+ URLEncoder.encode(this.fileName, StandardCharsets.UTF_8).replace("+", "%20");
	}

	String thumbnailUrl() {
		return (this.thumbnailKey != null) ? URL_PREFIX + this.id + "/thumbnail" : null;
	}

	AttachedFile describe() {
		return new AttachedFile(this.id, this.fileName, fileUrl(), this.size, this.type.contentType(), thumbnailUrl());
	}

}
