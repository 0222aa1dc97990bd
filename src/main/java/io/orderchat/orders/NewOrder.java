package io.orderchat.orders;

import java.math.BigDecimal;

/** What a customer asks for when placing an order (seed 000's shape). */
public record NewOrder(String exchangeMethod, BigDecimal amount, String notes) {
}
