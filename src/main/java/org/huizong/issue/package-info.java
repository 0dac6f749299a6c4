/**
 * The shared vocabulary of faults, which every stage may use: an {@link Issue} at its
 * cell, its {@link IssueCode} with the Chinese message, its {@link Severity} as the
 * office's {@link SeverityPolicy} sets it.
 */
package org.huizong.issue;
