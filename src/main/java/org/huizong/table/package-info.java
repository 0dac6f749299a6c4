/**
 * Finds the statistics tables in a sheet's rows: title, metadata, headers over one or two
 * rows, sections, totals and footnotes; long and wide layouts. Entry point:
 * {@link org.huizong.table.TableParser}.
 */
package org.huizong.table;
