/**
 * Submissions ledger, facts, issues and the consolidated tables; one file is loaded in
 * one transaction. Entry point: {@link org.huizong.load.SubmissionLoader}, then
 * {@link org.huizong.load.Consolidator}.
 */
package org.huizong.load;
