package io.orderchat.conversations;

/**
 * Runs the answers of a committed batch: the completion of each sender's future and
 * whatever that sets off (an acknowledgement, a confirmation event). They run on the
 * commit writer, whose next batch waits meanwhile, so the layer that answers may keep its
 * slow part off it — the realtime layer queues the socket writes they make for its writer
 * threads. Without one, they run as they are.
 */
@FunctionalInterface
public interface CommitAnswers {

	/** Runs {@code answers} before returning (the batch's list is reused afterwards). */
	void answer(Runnable answers);

}
