package io.orderchat.conversations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of conversations. Every limit bounds what one message may store, so that what a
 * conversation view or list answers never grows with what clients sent.
 *
 * @param maxContentLength the longest message content, in characters, after trimming
 * @param pageSize messages in the latest page shown when a conversation is opened
 * @param metadataMaxSize the largest client {@code metadata} of a message, as compact
 * JSON (UTF-8 bytes)
 * @param metadataMaxDepth how deeply objects and lists may nest in {@code metadata} (the
 * top-level object is depth 1)
 * @param metadataMaxKeys the most keys in {@code metadata}, counted over every level
 * @param metadataMaxKeyLength the longest key in {@code metadata}, in characters
 */
@ConfigurationProperties("orderchat.chat")
public record ChatProperties(@DefaultValue("4000") int maxContentLength, @DefaultValue("50") int pageSize,
		@DefaultValue("8KB") DataSize metadataMaxSize, @DefaultValue("4") int metadataMaxDepth,
		@DefaultValue("64") int metadataMaxKeys, @DefaultValue("64") int metadataMaxKeyLength) {
}
