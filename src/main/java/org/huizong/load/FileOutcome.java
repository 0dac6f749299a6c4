package org.huizong.load;

/**
 * What a run did with one file.
 *
 * @param name the path relative to the inbox
 * @param outcome loaded, unchanged or rejected
 * @param submissionId the ledger row that holds the file's details
 * @param read whether the file was read and written now (not known from before)
 */
public record FileOutcome(String name, Outcome outcome, long submissionId, boolean read) {
}
