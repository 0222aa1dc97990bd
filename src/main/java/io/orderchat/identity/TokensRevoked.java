package io.orderchat.identity;

import java.time.Instant;

/**
 * A user was signed out everywhere: their tokens issued before {@code notBefore} are
 * refused. Published in the revoking transaction.
 */
public record TokensRevoked(String userId, Instant notBefore, Caller by, String reason, Instant at) {
}
