package org.huizong.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.huizong.intake.ReadLimits;
import org.huizong.intake.RowSink;
import org.huizong.intake.SubmissionReader;
import org.huizong.intake.SubmissionReaders;

/**
 * The reading half of the benchmark: huizong's own readers against fastexcel-reader on the same
 * xlsx files, rows and bytes per second and peak heap.
 */
public final class Benchmark {

	private final List<Path> files;

	private final long bytes;

	public Benchmark(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			this.files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		long total = 0;
		for (Path file : this.files) {
			total += Files.size(file);
		}
		this.bytes = total;
	}

	public List<Path> files() {
		return this.files;
	}

	Measurement ownReader(ReadLimits limits) throws Exception {
		return Measurement.of("读取：huizong", this.bytes, () -> {
			long[] rows = { 0 };
			RowSink counting = new RowSink() {
				@Override
				public void startSheet(String name) {
				}

				@Override
				public void row(org.huizong.intake.Row row) {
					rows[0]++;
				}

				@Override
				public void endSheet() {
				}
			};
			for (Path file : this.files) {
				SubmissionReader reader = SubmissionReaders.open(file, limits);
				reader.read(counting);
			}
			return rows[0];
		});
	}

	Measurement fastexcel() throws Exception {
		return Measurement.of("读取：fastexcel-reader（下限）", this.bytes, () -> {
			long rows = 0;
			for (Path file : this.files) {
				try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
					for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
						try (Stream<Row> stream = sheet.openStream()) {
							for (Row row : (Iterable<Row>) stream::iterator) {
								for (int c = 0; c < row.getCellCount(); c++) {
									row.getCell(c);
								}
								rows++;
							}
						}
					}
				}
			}
			return rows;
		});
	}

	public void readingOnly(PrintStream out) throws Exception {
		List<Measurement> results = new ArrayList<>();
		results.add(fastexcel());
		results.add(ownReader(new ReadLimits(1_048_576, 256, 32_767, Duration.ofMinutes(5), 0.01, 1L << 30)));
		results.forEach((m) -> out.printf("%-28s %10d 行 %8.2f 秒 %10.0f 行/秒 %6.1f MB/秒 峰值堆 %5d MB%n", m.phase(), m.rows(),
				m.seconds(), m.rowsPerSecond(), m.megabytesPerSecond(), m.peakHeapBytes() >> 20));
	}

	public static void main(String[] args) throws Exception {
		new Benchmark(Path.of(args[0])).readingOnly(System.out);
	}

}
