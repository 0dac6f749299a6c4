package org.huizong.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless submission can do to the outputs: text that a spreadsheet
 * would run as a formula is neutralised, and names with spaces, quotes or {@code ..}
 * never lead a file outside the output folder.
 */
class SafeOutputTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void neutralisesFormulasAndKeepsFilesInTheirFolder(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = Files.createDirectories(this.dir.resolve("in box/子 目录"));
			Files.writeString(inbox.resolve("报表 \"六月\" 's..csv"), String.join("\r\n", "填报单位：=HYPERLINK(\"x\")",
					"专项名称,工作内容,数量,单位", "城市家具专项整治,修理果壳箱,5,吨", "城市家具专项整治,油漆果壳箱,3,只", ""), StandardCharsets.UTF_8);
			Files.writeString(inbox.resolve("逃逸.csv"),
					String.join("\r\n", "填报单位：../../逃逸", "专项名称,工作内容,数量,单位", "城市家具专项整治,修理果壳箱,5,吨", ""),
					StandardCharsets.UTF_8);
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox",
					this.dir.resolve("in box").toString(), "--db", db.url());
			assertThat(run.out()).contains("文件 2 个：载入 2，未变 0，拒收 0");

			Path export = this.dir.resolve("out/unit.csv");
			RunCommandTests.run("export", "--period", "2017-06", "--level", "unit", "--out", export.toString(), "--db",
					db.url());
			assertThat(Files.readString(export))
				.contains("2017-06,\"'=HYPERLINK(\"\"x\"\")\",城市家具专项整治,油漆果壳箱,,3,只,false");

			Path feedback = this.dir.resolve("feedback");
			RunCommandTests.run("feedback", "--period", "2017-06", "--out", feedback.toString(), "--db", db.url());
			try (Stream<Path> all = Files.walk(this.dir)) {
				List<Path> workbooks = all.filter((p) -> p.toString().endsWith(".xlsx")).toList();
				assertThat(workbooks).hasSize(2).allMatch((p) -> p.getParent().equals(feedback));
				assertThat(workbooks).extracting((p) -> p.getFileName().toString())
					.containsExactlyInAnyOrder("=HYPERLINK(_x_)_2017-06_问题反馈.xlsx", "____逃逸_2017-06_问题反馈.xlsx");
			}
		}
	}

}
