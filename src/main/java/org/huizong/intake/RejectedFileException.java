package org.huizong.intake;

/**
 * A whole file that cannot be taken, with a reason a clerk can act on.
 */
public class RejectedFileException extends RuntimeException {

	private final String code;

	public RejectedFileException(String code, String reason) {
		super(reason);
		this.code = code;
	}

	public RejectedFileException(String code, String reason, Throwable cause) {
		super(reason, cause);
		this.code = code;
	}

	/** The stable code, e.g. {@code file.encoding}. */
	public String code() {
		return this.code;
	}

	public String reason() {
		return getMessage();
	}

}
