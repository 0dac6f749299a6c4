package org.huizong.intake;

import java.time.Duration;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Deliberate bounds on what one file may cost; a file that reaches one is rejected by
 * name.
 *
 * @param maxRowsPerSheet rows read from one sheet before the file is rejected
 * @param maxColumns columns read from one row; cells beyond are ignored
 * @param maxTextLength characters one cell may hold; longer text is cut
 * @param timePerFile how long reading one file may take
 * @param zipMinInflateRatio the smallest compressed-to-uncompressed ratio an xlsx entry
 * may have (a zip bomb has a tiny one)
 * @param zipMaxEntrySize the largest uncompressed size of one xlsx entry, in bytes
 */
public record ReadLimits(int maxRowsPerSheet, int maxColumns, int maxTextLength, Duration timePerFile,
		double zipMinInflateRatio, long zipMaxEntrySize) {

	public static ReadLimits defaults() {
		return new ReadLimits(1_048_576, 256, 32_767, Duration.ofMinutes(5), 0.01, 1L << 30);
	}

	/** POI keeps its zip limits process-wide; they are set from here, once at start. */
	public ReadLimits applyToPoi() {
		ZipSecureFile.setMinInflateRatio(this.zipMinInflateRatio);
		ZipSecureFile.setMaxEntrySize(this.zipMaxEntrySize);
		return this;
	}

	/** The text as a cell may hold it: cut at {@link #maxTextLength}. */
	String cut(String text) {
		return (text.length() <= this.maxTextLength) ? text : text.substring(0, this.maxTextLength);
	}

}
