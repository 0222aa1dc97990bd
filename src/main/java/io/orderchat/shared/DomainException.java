package io.orderchat.shared;

import java.util.Objects;

/**
 * A refusal a client is meant to see: a stable {@link ErrorCode} and a message written
 * for a person. Anything else that escapes is a server fault and answered as
 * {@link ErrorCode#INTERNAL}.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	public DomainException(ErrorCode code, String message) {
		super(message);
		this.code = Objects.requireNonNull(code);
	}

	public ErrorCode code() {
		return this.code;
	}

	public static DomainException notFound(String message) {
		return new DomainException(ErrorCode.NOT_FOUND, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(ErrorCode.FORBIDDEN, message);
	}

	public static DomainException invalid(String message) {
		return new DomainException(ErrorCode.VALIDATION_FAILED, message);
	}

}
