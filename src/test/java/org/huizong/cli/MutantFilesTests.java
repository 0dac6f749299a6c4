package org.huizong.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture of the project, with bytes flipped and cut off: each mutant is loaded or
 * rejected with a reason, none brings the run down, and nothing of a rejected file
 * reaches the tables.
 */
class MutantFilesTests {

	private static final long SEED = 20171106L;

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void everyMutantIsLoadedOrRejectedCleanly(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			Path inbox = mutants();
			Path report = this.dir.resolve("report.json");
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(),
					"--db", db.url(), "--report", report.toString());

			assertThat(run.exit()).as(run.err()).isIn(Cli.OK, Cli.REJECTIONS);
			JsonNode files = new ObjectMapper().readTree(report.toFile()).get("files");
			List<String> names = new ArrayList<>();
			for (JsonNode file : files) {
				names.add(file.get("name").asText());
				assertThat(file.get("status").asText()).as(file.get("name").asText()).isIn("loaded", "rejected");
				if (file.get("status").asText().equals("rejected")) {
					assertThat(file.get("reason").asText()).as(file.get("name").asText()).isNotBlank();
					assertThat(file.get("facts").asInt()).isZero();
				}
			}
			try (Stream<Path> list = Files.list(inbox)) {
				assertThat(names)
					.containsExactlyInAnyOrderElementsOf(list.map((p) -> p.getFileName().toString()).toList());
			}
			Integer leaked = db.query((jdbc) -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM fact f JOIN submission s ON s.id = f.submission_id WHERE s.status = 'rejected'",
					Integer.class));
			assertThat(leaked).isZero();
		}
	}

	private Path mutants() throws IOException, URISyntaxException {
		Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
		List<Path> fixtures = new ArrayList<>();
		try (Stream<Path> workbooks = Files.list(Path.of(MutantFilesTests.class.getResource("workbooks").toURI()));
				Stream<Path> sample = Files.walk(Path.of("data/sample-inbox"))) {
			fixtures.addAll(workbooks.toList());
			fixtures.addAll(sample.filter(Files::isRegularFile).toList());
		}
		Random random = new Random(SEED);
		for (Path fixture : fixtures) {
			byte[] bytes = Files.readAllBytes(fixture);
			String name = fixture.getFileName().toString();
			int dot = name.lastIndexOf('.');
			String stem = name.substring(0, dot);
			String extension = name.substring(dot);
			Files.write(inbox.resolve(stem + "-cut-third" + extension), Arrays.copyOf(bytes, bytes.length / 3));
			Files.write(inbox.resolve(stem + "-cut-random" + extension),
					Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1)));
			for (int flips : new int[] { 1, 8, 64 }) {
				byte[] mutant = bytes.clone();
				for (int i = 0; i < flips; i++) {
					int at = random.nextInt(mutant.length);
					mutant[at] = (byte) (mutant[at] ^ (1 << random.nextInt(8)));
				}
				Files.write(inbox.resolve(stem + "-flip" + flips + extension), mutant);
			}
		}
		return inbox;
	}

}
