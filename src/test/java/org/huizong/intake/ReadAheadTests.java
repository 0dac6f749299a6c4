package org.huizong.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTests {

	private final List<String> seen = new ArrayList<>();

	private final RowSink sink = new RowSink() {
		@Override
		public void startSheet(String name) {
			ReadAheadTests.this.seen.add("start " + name);
		}

		@Override
		public void row(Row row) {
			ReadAheadTests.this.seen.add("row " + row.number());
		}

		@Override
		public void endSheet() {
			ReadAheadTests.this.seen.add("end");
		}
	};

	@Test
	void handsRowsOverInOrder() throws IOException {
		ReadAhead.read(reader((sink) -> {
			sink.startSheet("Sheet1");
			for (int i = 1; i <= 5000; i++) {
				sink.row(new Row(i, List.of()));
			}
			sink.endSheet();
		}), this.sink, Duration.ofSeconds(30));
		assertThat(this.seen).hasSize(5002).startsWith("start Sheet1", "row 1").endsWith("row 5000", "end");
	}

	@Test
	void rejectsAFileThatHangsTheParser() {
		CountDownLatch never = new CountDownLatch(1);
		assertThatThrownBy(() -> ReadAhead.read(reader((sink) -> {
			sink.startSheet("Sheet1");
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}), this.sink, Duration.ofMillis(300))).isInstanceOf(RejectedFileException.class)
			.hasMessage("读取时间超过上限 0 秒，文件可能过大或结构异常，请检查或拆分后重新报送");
		assertThat(this.seen).containsExactly("start Sheet1");
	}

	@Test
	void raisesAStackOverflowOnTheCallersThread() {
		assertThatThrownBy(() -> ReadAhead.read(reader((sink) -> recurse(0)), this.sink, Duration.ofSeconds(30)))
			.isInstanceOf(StackOverflowError.class);
	}

	@Test
	void raisesTheReadersRejection() {
		assertThatThrownBy(() -> ReadAhead.read(reader((sink) -> {
			throw new RejectedFileException("file.corrupt", "文件已损坏");
		}), this.sink, Duration.ofSeconds(30))).isInstanceOf(RejectedFileException.class).hasMessage("文件已损坏");
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}

	interface Body {

		void read(RowSink sink) throws IOException;

	}

	private static SubmissionReader reader(Body body) {
		return new SubmissionReader() {
			@Override
			public SubmissionFormat format() {
				return SubmissionFormat.CSV;
			}

			@Override
			public String encoding() {
				return "";
			}

			@Override
			public void read(RowSink sink) throws IOException {
				body.read(sink);
			}
		};
	}

}
