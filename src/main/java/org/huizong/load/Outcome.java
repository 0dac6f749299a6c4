package org.huizong.load;

/** What a run did with a file. */
public enum Outcome {

	LOADED, UNCHANGED, REJECTED;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
