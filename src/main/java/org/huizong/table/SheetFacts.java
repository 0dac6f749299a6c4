package org.huizong.table;

/** Receives what a {@link TableParser} finds. */
public interface SheetFacts {

	void fact(RawFact fact);

	/** A sheet that held no statistics table, with why. */
	void sheetSkipped(String sheet, String why);

	/** A metadata cell such as {@code 填报单位：第一环卫所}. */
	void unitNamed(String unit, String sheet, String cell);

	/** A period written in a title or metadata row, as {@code YYYY-MM}. */
	void periodNamed(String period, String sheet, String cell);

}
