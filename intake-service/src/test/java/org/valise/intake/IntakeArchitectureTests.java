package org.valise.intake;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.valise.platform.architecture.ThisModule;
import org.valise.platform.architecture.ValiseArchitecture;

/**
 * intake's architecture ({@link ValiseArchitecture}): the parser and its evaluation are pure cores (the
 * {@code evaluate} command runs them without a Spring context), free of the frameworks and of the web and Kafka
 * adapters; no cycle between intake's packages; nothing of another service.
 */
@AnalyzeClasses(packages = "org.valise", importOptions = ThisModule.class)
class IntakeArchitectureTests {

	private static final String[] CORES = { "org.valise.intake.parsing", "org.valise.intake.evaluation" };

	@ArchTest
	static final ArchRule parserAndEvaluationUseNoFramework = ValiseArchitecture.coresAreFreeOfFrameworks(CORES);

	@ArchTest
	static final ArchRule parserAndEvaluationUseNoAdapter = ValiseArchitecture.coresUseNoAdapter(CORES);

	@ArchTest
	static final ArchRule packagesUseEachOtherOneWayOnly = ValiseArchitecture.packagesAreFreeOfCycles("intake");

	@ArchTest
	static final ArchRule intakeUsesOnlyItselfPlatformAndContracts = ValiseArchitecture
		.servicesShareOnlyPlatformAndContracts("intake");

}
