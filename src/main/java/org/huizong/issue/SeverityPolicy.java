package org.huizong.issue;

import java.util.EnumMap;
import java.util.Map;

/**
 * The severity an office gives each rule; rules it does not name keep their default.
 */
public final class SeverityPolicy {

	private final Map<IssueCode, Severity> overrides;

	public SeverityPolicy(Map<String, String> byCode) {
		this.overrides = new EnumMap<>(IssueCode.class);
		byCode.forEach((code, severity) -> this.overrides.put(IssueCode.byCode(code),
				Severity.valueOf(severity.trim().toUpperCase(java.util.Locale.ROOT))));
	}

	public static SeverityPolicy defaults() {
		return new SeverityPolicy(Map.of());
	}

	public Severity severityOf(IssueCode code) {
		return this.overrides.getOrDefault(code, code.defaultSeverity());
	}

	public Issue issue(IssueCode code, String sheet, String cell, Object... args) {
		return new Issue(severityOf(code), code.code(), sheet, cell, code.message(args));
	}

}
