package io.orderchat.conversations;

import java.util.List;

/**
 * A conversation opened for export by a reader who passed its access check
 * ({@link ConversationHistory#transcript}): its header facts and its messages in
 * ascending seq order, read in keyset pages so that a long conversation never sits in
 * memory at once. Each page is one statement of its own, outside a transaction: an export
 * that takes minutes holds no snapshot or connection between pages. Staff-only notes are
 * in the pages only when the reader is staff.
 */
public final class Transcript {

	private final Conversation conversation;

	private final List<Participant> participants;

	private final boolean forStaff;

	private final Messages messages;

	Transcript(Conversation conversation, List<Participant> participants, boolean forStaff, Messages messages) {
		this.conversation = conversation;
		this.participants = List.copyOf(participants);
		this.forStaff = forStaff;
		this.messages = messages;
	}

	public Conversation conversation() {
		return this.conversation;
	}

	/** The active participants when the transcript was opened. */
	public List<Participant> participants() {
		return this.participants;
	}

	/** Whether the reader is staff, and the pages carry internal notes. */
	public boolean forStaff() {
		return this.forStaff;
	}

	/**
	 * Up to {@code size} messages with a seq above {@code afterSeq}, oldest first; an
	 * empty page ends the transcript. Messages posted after opening are included.
	 */
	public List<Message> pageAfter(long afterSeq, int size) {
		return this.messages.oldestBetween(this.conversation.id(), afterSeq, Long.MAX_VALUE, size, this.forStaff);
	}

}
