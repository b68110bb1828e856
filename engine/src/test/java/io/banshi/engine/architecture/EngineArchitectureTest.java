package io.banshi.engine.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the engine's arrows pointing one way: the gateway on top, then jobs and
 * processing, then deployment, the model, FEEL and state at the bottom; the public query
 * API knows nothing of the internals.
 */
@AnalyzeClasses(packages = "io.banshi.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

	@ArchTest
	static final ArchRule internalPackagesHaveNoCycles = slices().matching("io.banshi.engine.internal.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule stateKnowsOnlyItself = noClasses().that()
		.resideInAPackage("..internal.state..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..internal.processing..", "..internal.jobs..", "..internal.gateway..",
				"..internal.deploy..", "..internal.model..");

	@ArchTest
	static final ArchRule modelKnowsNoRuntime = noClasses().that()
		.resideInAPackage("..internal.model..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..internal.processing..", "..internal.jobs..", "..internal.gateway..",
				"..internal.state..");

	@ArchTest
	static final ArchRule onlyTheEngineUsesTheGateway = noClasses().that()
		.resideInAPackage("..internal..")
		.and()
		.resideOutsideOfPackage("..internal.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..internal.gateway..");

	@ArchTest
	static final ArchRule publicQueryApiHidesInternals = noClasses().that()
		.resideInAPackage("io.banshi.engine.query..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..internal..");

	@ArchTest
	static final ArchRule internalsDoNotUseSpring = noClasses().that()
		.resideInAPackage("..internal..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.banshi.engine.spring..");

}
