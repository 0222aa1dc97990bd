package io.orderchat.realtime.protocol.exchange;

import java.util.List;
import java.util.Map;

import io.orderchat.conversations.Message;
import io.orderchat.conversations.MessageType;
import io.orderchat.realtime.gateway.AttachmentReferences;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.ImageMetadata;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.MessagePayload;
import io.orderchat.realtime.protocol.exchange.ExchangeEvents.Sender;

/**
 * Messages as seed 000's client reads them (DIALECTS.md §1.3): text and image messages
 * only — the app has no system messages — with {@code message} beside {@code content},
 * and an image's address as its content. (Staff notes, which history shows staff only,
 * read as the moderators' text messages.)
 */
final class ExchangeMessages {

	private ExchangeMessages() {
	}

	static boolean isChat(Message message) {
		return (message.type() == MessageType.TEXT || message.type() == MessageType.IMAGE) && !message.deleted()
				&& message.senderId() != null;
	}

	static List<MessagePayload> chatOnly(List<Message> messages, String orderId) {
		return messages.stream().filter(ExchangeMessages::isChat).map((m) -> of(m, orderId)).toList();
	}

	static MessagePayload of(Message message, String orderId) {
		List<Map<?, ?>> files = AttachmentReferences.of(message);
		boolean image = message.type() == MessageType.IMAGE && !files.isEmpty();
		String imageUrl = image ? (String) files.getFirst().get("file_url") : null;
		ImageMetadata metadata = image
				? new ImageMetadata((String) files.getFirst().get("file_type"), files.getFirst().get("file_size"))
				: null;
		String content = image ? imageUrl : message.content();
		String id = message.id().toString();
		return new MessagePayload(id, id, message.conversationId().toString(), orderId, message.type(), content,
				content, Sender.of(message.senderId(), message.senderName(), message.senderRole()), message.createdAt(),
				message.seq(), imageUrl, metadata, files);
	}

}
