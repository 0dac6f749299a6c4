/**
 * Submissions ledger, facts, issues and the consolidated tables; a chunk of files is
 * loaded in one transaction, and a file that fails leaves only its rejection. Entry
 * point: {@link org.huizong.load.SubmissionLoader}, then
 * {@link org.huizong.load.Consolidator}.
 */
package org.huizong.load;
