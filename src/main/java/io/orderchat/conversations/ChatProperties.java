package io.orderchat.conversations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of conversations.
 *
 * @param maxContentLength the longest message content, in characters, after trimming
 * @param pageSize messages in the latest page shown when a conversation is opened
 */
@ConfigurationProperties("orderchat.chat")
public record ChatProperties(@DefaultValue("4000") int maxContentLength, @DefaultValue("50") int pageSize) {
}
