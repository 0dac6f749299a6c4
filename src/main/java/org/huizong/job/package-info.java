/**
 * The Spring Batch job {@code consolidate} that wires the stages: an intake step (a chunk
 * of files, one transaction) and a consolidation step. Entry point:
 * {@link org.huizong.job.ConsolidateJobConfiguration}.
 */
package org.huizong.job;
