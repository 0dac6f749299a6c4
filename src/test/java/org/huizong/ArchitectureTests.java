package org.huizong;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The stages depend on the stages before them only: intake → table → normalize → validate
 * → load → report → job → cli, with the periods, the catalog and the issue vocabulary
 * beneath them all. The root package wires the application and is left out.
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importProduct() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.huizong");
	}

	@Test
	void stagesDependOnEarlierStagesOnly() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("period")
			.definedBy("org.huizong.period..")
			.layer("catalog")
			.definedBy("org.huizong.catalog..")
			.layer("issue")
			.definedBy("org.huizong.issue..")
			.layer("intake")
			.definedBy("org.huizong.intake..")
			.layer("table")
			.definedBy("org.huizong.table..")
			.layer("normalize")
			.definedBy("org.huizong.normalize..")
			.layer("validate")
			.definedBy("org.huizong.validate..")
			.layer("load")
			.definedBy("org.huizong.load..")
			.layer("report")
			.definedBy("org.huizong.report..")
			.layer("job")
			.definedBy("org.huizong.job..")
			.layer("web")
			.definedBy("org.huizong.web..")
			.layer("generate")
			.definedBy("org.huizong.generate..")
			.layer("cli")
			.definedBy("org.huizong.cli..")
			.whereLayer("cli")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("generate")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("web")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("job")
			.mayOnlyBeAccessedByLayers("web", "cli")
			.whereLayer("report")
			.mayOnlyBeAccessedByLayers("job", "web", "cli")
			.whereLayer("load")
			.mayOnlyBeAccessedByLayers("report", "job", "web", "cli")
			.whereLayer("validate")
			.mayOnlyBeAccessedByLayers("load", "report", "job", "web", "cli")
			.whereLayer("normalize")
			.mayOnlyBeAccessedByLayers("validate", "load", "report", "job", "web", "cli")
			.whereLayer("table")
			.mayOnlyBeAccessedByLayers("normalize", "validate", "load", "report", "job", "web", "cli")
			.whereLayer("intake")
			.mayOnlyBeAccessedByLayers("table", "normalize", "validate", "load", "report", "job", "web", "cli")
			.whereLayer("issue")
			.mayOnlyBeAccessedByLayers("normalize", "validate", "load", "report", "job", "web", "cli")
			.whereLayer("catalog")
			.mayOnlyBeAccessedByLayers("intake", "table", "normalize", "validate", "load", "report", "job", "web",
					"cli")
			.whereLayer("period")
			.mayOnlyBeAccessedByLayers("catalog", "intake", "table", "normalize", "validate", "load", "report", "job",
					"web", "generate", "cli")
			.check(classes);
	}

	@Test
	void noCyclesBetweenPackages() {
		slices().matching("org.huizong.(*)..").should().beFreeOfCycles().check(classes);
	}

	/** A class a newcomer can read: one job, at most 500 lines. */
	@Test
	void noSourceFileOverFiveHundredLines() throws Exception {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("src/main/java"))) {
			java.util.List<String> longer = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > 500)
				.map((file) -> file + " (" + lines(file) + ")")
				.toList();
			org.assertj.core.api.Assertions.assertThat(longer).isEmpty();
		}
	}

	private static long lines(java.nio.file.Path file) {
		try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file)) {
			return lines.count();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The quick status knows which schema version this build writes. */
	@Test
	void theSchemaVersionIsTheHighestMigration() throws Exception {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			int highest = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches("V\\d+__.*\\.sql"))
				.mapToInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
				.max()
				.orElseThrow();
			org.assertj.core.api.Assertions.assertThat(DatabaseSettings.SCHEMA_VERSION).isEqualTo(highest);
		}
	}

}
