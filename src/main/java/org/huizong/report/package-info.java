/**
 * What people read: the run report (JSON and the closing summary) and the consolidated
 * tables as CSV. Entry points: {@link org.huizong.report.RunReports},
 * {@link org.huizong.report.CsvExport}.
 */
package org.huizong.report;
