package org.huizong.validate;

import java.util.function.Consumer;

import org.huizong.catalog.MetricKind;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;
import org.huizong.normalize.Fact;

/**
 * Checks each figure on its own: a count or an amount is never negative (a rate may be,
 * as a change). Whether a fault keeps the figure out is the office's policy.
 */
final class ValueChecks {

	private final SeverityPolicy policy;

	private final Consumer<Issue> issues;

	ValueChecks(SeverityPolicy policy, Consumer<Issue> issues) {
		this.policy = policy;
		this.issues = issues;
	}

	/**
	 * @return whether the figure goes on to the tables
	 */
	boolean accept(Fact fact) {
		if (fact.amount().signum() >= 0 || fact.kind() == MetricKind.RATE) {
			return true;
		}
		String label = fact.origin().metric().isBlank() ? "数值" : fact.origin().metric().strip();
		Issue issue = this.policy.issue(IssueCode.VALUE_NEGATIVE, fact.origin().sheet(), fact.origin().cell(), label,
				fact.origin().value().text());
		if (issue.severity() != Severity.IGNORE) {
			this.issues.accept(issue);
		}
		return issue.severity() != Severity.ERROR;
	}

}
