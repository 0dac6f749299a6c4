package org.huizong.intake;

/** Receives a submission's rows sheet by sheet, as a reader streams them. */
public interface RowSink {

	void startSheet(String name);

	void row(Row row);

	void endSheet();

}
