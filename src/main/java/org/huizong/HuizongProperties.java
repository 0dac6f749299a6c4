package org.huizong;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings an office may change.
 *
 * @param catalog the folder of the catalog; files it lacks come from the copy in the jar
 * @param severity the severity of a rule by its code, e.g. {@code total.mismatch: error}
 * @param maxRowsPerSheet rows one sheet may hold before its file is rejected
 * @param maxColumns columns read from one row
 * @param maxTextLength characters one cell may hold
 * @param timePerFile how long reading one file may take before it is rejected
 * @param zipMinInflateRatio the smallest compression ratio an xlsx entry may have (zip
 * bombs)
 * @param zipMaxEntrySize the largest uncompressed size of one xlsx entry, in bytes
 * @param filesPerChunk files loaded in one transaction: more is faster, fewer loses less
 * to a crash
 * @param dbTimeout how long a database may leave a statement unanswered before the run
 * gives up on it (PostgreSQL)
 * @param jumpFactor how many times its own figure of the period before (or after) a
 * unit's figure may be, or what part of it, before it is told as {@code value.jump}
 * @param jumpFloor the smallest figure, on either side, that {@code value.jump} looks at
 * @param officeName the office's name, in the report's titles and page headers
 * @param reportTemplates the folder of the narrative's template; a file it lacks comes
 * from the copy in the jar
 */
@ConfigurationProperties("huizong")
public record HuizongProperties(@DefaultValue("data/catalog") Path catalog, Map<String, String> severity,
		@DefaultValue("1048576") int maxRowsPerSheet, @DefaultValue("256") int maxColumns,
		@DefaultValue("32767") int maxTextLength, @DefaultValue("5m") java.time.Duration timePerFile,
		@DefaultValue("0.01") double zipMinInflateRatio, @DefaultValue("1073741824") long zipMaxEntrySize,
		@DefaultValue(HuizongProperties.FILES_PER_CHUNK) int filesPerChunk,
		@DefaultValue("2m") java.time.Duration dbTimeout, @DefaultValue("5") java.math.BigDecimal jumpFactor,
		@DefaultValue("10") java.math.BigDecimal jumpFloor, @DefaultValue("") String officeName,
		@DefaultValue("data/report") Path reportTemplates) {

	/** Files loaded in one transaction unless set otherwise. */
	public static final String FILES_PER_CHUNK = "50";

	public HuizongProperties {
		severity = (severity != null) ? Map.copyOf(severity) : Map.of();
	}

}
