/**
 * Measures huizong against the floors of its work: reading against fastexcel-reader,
 * writing against PostgreSQL's COPY, and the whole run. Entry point:
 * {@link org.huizong.bench.Benchmark}.
 */
package org.huizong.bench;
