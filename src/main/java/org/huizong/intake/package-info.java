/**
 * Finds submissions, sniffs their real format and reads them into rows of cells,
 * streaming; tells what number a cell's text holds
 * ({@link org.huizong.intake.ValueParser}). Entry point:
 * {@link org.huizong.intake.SubmissionReaders}.
 */
package org.huizong.intake;
