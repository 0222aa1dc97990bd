package io.orderchat.orders;

import java.math.BigDecimal;

/**
 * An order the host app registers server-to-server, known by its {@code externalId}. The
 * performer may be left out and named later.
 */
public record ExternalOrder(String externalId, Party customer, Party performer, String title, BigDecimal amount) {
}
