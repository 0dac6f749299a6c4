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
 * → load → report → job → cli, with the catalog and the issue vocabulary beneath them
 * all. The root package wires the application and is left out.
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
			.layer("generate")
			.definedBy("org.huizong.generate..")
			.layer("cli")
			.definedBy("org.huizong.cli..")
			.whereLayer("cli")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("generate")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("job")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("report")
			.mayOnlyBeAccessedByLayers("job", "cli")
			.whereLayer("load")
			.mayOnlyBeAccessedByLayers("report", "job", "cli")
			.whereLayer("validate")
			.mayOnlyBeAccessedByLayers("load", "report", "job", "cli")
			.whereLayer("normalize")
			.mayOnlyBeAccessedByLayers("validate", "load", "report", "job", "cli")
			.whereLayer("table")
			.mayOnlyBeAccessedByLayers("normalize", "validate", "load", "report", "job", "cli")
			.whereLayer("intake")
			.mayOnlyBeAccessedByLayers("table", "normalize", "validate", "load", "report", "job", "cli")
			.whereLayer("issue")
			.mayOnlyBeAccessedByLayers("normalize", "validate", "load", "report", "job", "cli")
			.whereLayer("catalog")
			.mayOnlyBeAccessedByLayers("intake", "table", "normalize", "validate", "load", "report", "job", "cli")
			.check(classes);
	}

	@Test
	void noCyclesBetweenPackages() {
		slices().matching("org.huizong.(*)..").should().beFreeOfCycles().check(classes);
	}

}
