package org.huizong.intake;

import java.io.IOException;

/** Streams one submission's rows into a sink; never holds a whole sheet. */
public interface SubmissionReader {

	/** The real format, known by content. */
	SubmissionFormat format();

	/** The text encoding where the format has one, else empty. */
	String encoding();

	void read(RowSink sink) throws IOException;

}
