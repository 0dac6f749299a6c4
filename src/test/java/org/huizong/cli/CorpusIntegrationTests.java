package org.huizong.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 776-workbook corpus of real-world and hostile files in one run with a 512 MB heap:
 * the run completes, and every file is accounted for, loaded or rejected with a reason.
 * Runs where the corpus is beside the project (the {@code corpus} Maven profile).
 */
class CorpusIntegrationTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void everyFileOfTheCorpusIsAccountedFor(String kind) throws Exception {
		Path corpus = Path.of(System.getProperty("huizong.corpus"));
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path report = this.dir.resolve("corpus.json");
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", corpus.toString(),
					"--db", db.url(), "--report", report.toString());

			assertThat(run.exit()).as(run.err()).isIn(Cli.OK, Cli.REJECTIONS);
			Map<String, JsonNode> byName = new HashMap<>();
			for (JsonNode file : new ObjectMapper().readTree(report.toFile()).get("files")) {
				byName.put(file.get("name").asText(), file);
			}
			try (Stream<Path> files = Files.list(corpus)) {
				assertThat(byName.keySet())
					.containsExactlyInAnyOrderElementsOf(files.map((p) -> p.getFileName().toString()).toList());
			}
			assertThat(byName).hasSizeGreaterThanOrEqualTo(776);
			byName.forEach((name, file) -> {
				assertThat(file.get("status").asText()).as(name).isIn("loaded", "rejected");
				if (file.get("status").asText().equals("rejected")) {
					assertThat(file.get("reason").asText()).as(name).isNotBlank().doesNotContain("Exception");
				}
			});
		}
	}

}
