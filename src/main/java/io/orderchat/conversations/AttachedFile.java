package io.orderchat.conversations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stored file a message carries, as clients see it (seed 003's shape:
 * {@code file_name}, {@code file_url}, {@code file_size}, {@code file_type}). The
 * attachments module checks and stores the file; conversations only keep its descriptor
 * in the message's {@code metadata.attachments}, which only the server may set.
 *
 * @param thumbnailUrl the thumbnail's path, or null when there is none (not an image, or
 * a format the server cannot decode)
 */
public record AttachedFile(UUID id, @JsonProperty("file_name") String fileName,
		@JsonProperty("file_url") String fileUrl, @JsonProperty("file_size") long fileSize,
		@JsonProperty("file_type") String fileType,
		@JsonProperty("thumbnail_url") @JsonInclude(JsonInclude.Include.NON_NULL) String thumbnailUrl) {

	/** The metadata key under which a message's files are listed. */
	public static final String METADATA_KEY = "attachments";

	@JsonIgnore
	public boolean image() {
		return this.fileType.startsWith("image/");
	}

	Map<String, Object> toMetadata() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id.toString());
		map.put("file_name", this.fileName);
		map.put("file_url", this.fileUrl);
		map.put("file_size", this.fileSize);
		map.put("file_type", this.fileType);
		if (this.thumbnailUrl != null) {
			map.put("thumbnail_url", this.thumbnailUrl);
		}
		return map;
	}

}
