package io.banshi.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module arrows of ARCHITECTURE.md:
 * {@code admin-ui -> workflows, workers, engine, db}; {@code workflows} and
 * {@code workers} reach an engine only through the Camunda client; {@code engine -> db};
 * nothing imports the web module.
 */
@AnalyzeClasses(packages = "io.banshi",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class })
class ArchitectureTest {

	@ArchTest
	static final ArchRule workersNeverImportTheEngine = noClasses().that()
		.resideInAPackage("io.banshi.workers..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.banshi.engine..");

	@ArchTest
	static final ArchRule workflowsNeverImportTheEngine = noClasses().that()
		.resideInAPackage("io.banshi.workflows..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.banshi.engine..");

	@ArchTest
	static final ArchRule nothingImportsTheWebModule = noClasses().that()
		.resideOutsideOfPackage("io.banshi.admin..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.banshi.admin..");

	@ArchTest
	static final ArchRule engineImportsOnlyTheDatabaseModule = noClasses().that()
		.resideInAPackage("io.banshi.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.banshi.workflows..", "io.banshi.workers..", "io.banshi.admin..");

	@ArchTest
	static final ArchRule workersAndWorkflowsDoNotReachIntoEachOthersInternals = noClasses().that()
		.resideInAPackage("io.banshi.workers..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.banshi.workflows..internal..");

	/**
	 * Leaves out other modules' test jars ({@code *-tests.jar}), which some tests here
	 * use (an engine harness, an MCP test server): the arrows speak of the modules' main
	 * code.
	 */
	static final class DoNotIncludeTestJars implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("-tests.jar");
		}

	}

}
