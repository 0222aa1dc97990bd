package io.orderchat.conversations;

/**
 * The outcome of a send: the stored message, and whether it had been stored before by a
 * send with the same client id (then nothing was stored or published again).
 */
public record SendResult(Message message, boolean duplicate) {
}
