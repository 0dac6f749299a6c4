/**
 * Finds submissions, sniffs their real format and reads them into rows of cells,
 * streaming. Entry point: {@link org.huizong.intake.SubmissionReaders}.
 */
package org.huizong.intake;
