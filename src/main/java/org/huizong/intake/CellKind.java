package org.huizong.intake;

/** What a cell holds, as its file says. */
public enum CellKind {

	/** Text, or a CSV field. */
	TEXT,
	/** A number; the text is its plain decimal form. */
	NUMBER,
	/** A date or time typed as such; never a count. */
	DATE,
	/** An Excel error such as {@code #DIV/0!}. */
	ERROR,
	/** A boolean. */
	BOOLEAN

}
