package org.huizong.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.huizong.intake.ReadLimits;
import org.huizong.intake.Row;
import org.huizong.intake.RowSink;
import org.huizong.intake.SubmissionReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxGeneratorTests {

	@TempDir
	Path dir;

	@Test
	void theSameSeedWritesTheSameFigures() throws IOException {
		List<InboxGenerator.Format> formats = List.of(InboxGenerator.Format.XLSX, InboxGenerator.Format.XLS,
				InboxGenerator.Format.CSV);
		List<Path> first = new InboxGenerator(42).write(this.dir.resolve("a"), "2017-06", 3, 40, formats);
		List<Path> second = new InboxGenerator(42).write(this.dir.resolve("b"), "2017-06", 3, 40, formats);
		List<Path> other = new InboxGenerator(43).write(this.dir.resolve("c"), "2017-06", 3, 40, formats);
		for (int i = 0; i < first.size(); i++) {
			int extraSheets = first.get(i).toString().endsWith(".csv") ? 0 : 2 + 6;
			assertThat(cells(first.get(i))).hasSize(40 + 4 + extraSheets)
				.isEqualTo(cells(second.get(i)))
				.isNotEqualTo(cells(other.get(i)));
		}
		assertThat(first).extracting((p) -> p.getFileName().toString())
			.containsExactly("第一环卫所_2017-06.xlsx", "第二环卫所_2017-06.xls", "第三环卫所_2017-06.csv");
	}

	@Test
	void writesTheNumberFormsUnitsUse() throws IOException {
		Path file = new InboxGenerator(1).write(this.dir, "2017-06", 1, 400, List.of(InboxGenerator.Format.CSV)).get(0);
		String all = String.join("\n", cells(file));
		assertThat(all).contains("填报单位：第一环卫所", "专项整治工作统计表（2017年6月）", "余", "公斤").containsPattern("\\d,\\d{3}");
	}

	private static List<String> cells(Path file) throws IOException {
		List<String> rows = new ArrayList<>();
		SubmissionReaders.open(file, ReadLimits.defaults()).read(new RowSink() {
			@Override
			public void startSheet(String name) {
			}

			@Override
			public void row(Row row) {
				StringBuilder line = new StringBuilder();
				row.cells().forEach((cell) -> line.append(cell.column()).append('=').append(cell.text()).append(' '));
				rows.add(line.toString());
			}

			@Override
			public void endSheet() {
			}
		});
		return rows;
	}

}
