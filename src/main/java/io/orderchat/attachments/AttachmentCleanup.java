package io.orderchat.attachments;

import io.orderchat.conversations.ConversationCleaned;
import io.orderchat.conversations.MessageDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Removes files nobody may see any more: those of a deleted message, once the delete has
 * committed, and pre-uploads never sent.
 */
@Component
class AttachmentCleanup {

	private static final Logger log = LoggerFactory.getLogger(AttachmentCleanup.class);

	private final AttachmentService attachments;

	AttachmentCleanup(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MessageDeleted deleted) {
		this.attachments.deleteFilesOfMessages(java.util.List.of(deleted.messageId()));
	}

	/** A moderator cleaned the history: its files go with the messages. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ConversationCleaned cleaned) {
		this.attachments.deleteFilesOfMessages(cleaned.removedMessageIds());
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT15M")
	void sweepPending() {
		int removed = this.attachments.sweepPending();
		if (removed > 0) {
			log.info("Removed {} uploaded files that no message referenced in time", removed);
		}
	}

}
