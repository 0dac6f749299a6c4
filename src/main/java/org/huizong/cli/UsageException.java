package org.huizong.cli;

/** A command line that is wrong: exit status 2, with a message saying how. */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
