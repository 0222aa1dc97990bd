package io.orderchat.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a transfer is: pending until its target accepts or declines it. */
public enum TransferStatus {

	PENDING, ACCEPTED, DECLINED;

	/** The name on the wire, made once: it is written into every message and event. */
	private final String wire = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String wire() {
		return this.wire;
	}

	static TransferStatus fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
