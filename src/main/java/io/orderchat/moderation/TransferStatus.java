package io.orderchat.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a transfer is: pending until its target accepts or declines it. */
public enum TransferStatus {

	PENDING, ACCEPTED, DECLINED;

	@JsonValue
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TransferStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
