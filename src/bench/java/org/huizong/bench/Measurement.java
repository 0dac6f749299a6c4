package org.huizong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * One phase's figures.
 *
 * @param phase what was measured
 * @param rows rows (or facts) handled
 * @param bytes bytes of input handled, 0 where not meaningful
 * @param seconds wall time
 * @param peakHeapBytes the heap's peak during the phase, negative if not known
 */
record Measurement(String phase, long rows, long bytes, double seconds, long peakHeapBytes) {

	/**
	 * The same figures for work done in another process: this one's heap says nothing.
	 */
	Measurement inAnotherProcess() {
		return new Measurement(this.phase, this.rows, this.bytes, this.seconds, -1);
	}

	/**
	 * The run with the median time (of an even number, the faster of the two in the
	 * middle).
	 */
	static Measurement median(java.util.List<Measurement> runs) {
		java.util.List<Measurement> sorted = new java.util.ArrayList<>(runs);
		sorted.sort(java.util.Comparator.comparingDouble(Measurement::seconds));
		return sorted.get((sorted.size() - 1) / 2);
	}

	double rowsPerSecond() {
		return this.rows / Math.max(this.seconds, 1e-9);
	}

	double megabytesPerSecond() {
		return this.bytes / 1e6 / Math.max(this.seconds, 1e-9);
	}

	interface Work {

		long run() throws Exception;

	}

	interface TimedWork {

		/**
		 * @return the rows handled and the nanoseconds of the part that counts
		 */
		long[] run() throws Exception;

	}

	/** Runs {@code work} after a collection, timing it and taking the heap's peak. */
	static Measurement of(String phase, long bytes, Work work) throws Exception {
		return timed(phase, bytes, () -> {
			long start = System.nanoTime();
			long rows = work.run();
			return new long[] { rows, System.nanoTime() - start };
		});
	}

	/**
	 * Runs {@code work} after a collection, taking the heap's peak; the work times
	 * itself.
	 */
	static Measurement timed(String phase, long bytes, TimedWork work) throws Exception {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
		long[] done = work.run();
		long rows = done[0];
		double seconds = done[1] / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return new Measurement(phase, rows, bytes, seconds, peak);
	}

}
