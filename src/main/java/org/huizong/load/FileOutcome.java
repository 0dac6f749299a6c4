package org.huizong.load;

/**
 * What a run did with one file.
 * @param name the path relative to the inbox
 * @param outcome loaded, unchanged or rejected
 * @param submissionId the ledger row that holds the file's details
 */
public record FileOutcome(String name, Outcome outcome, long submissionId) {
}
