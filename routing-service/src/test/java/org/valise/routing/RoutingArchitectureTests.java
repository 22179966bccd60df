package org.valise.routing;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.valise.platform.architecture.ThisModule;
import org.valise.platform.architecture.ValiseArchitecture;

/**
 * routing's architecture ({@link ValiseArchitecture}): the registry desk ({@code registry}, not its Kafka Streams
 * adapter {@code registry.streams}), the routing rules ({@code routing}) and the text matching ({@code text}) are
 * pure cores, free of the frameworks and of the web and Kafka adapters; no cycle between routing's packages; nothing
 * of another service.
 */
@AnalyzeClasses(packages = "org.valise", importOptions = ThisModule.class)
class RoutingArchitectureTests {

	private static final String[] CORES = { "org.valise.routing.registry", "org.valise.routing.routing",
			"org.valise.routing.text" };

	@ArchTest
	static final ArchRule registryRulesAndTextUseNoFramework = ValiseArchitecture.coresAreFreeOfFrameworks(CORES);

	@ArchTest
	static final ArchRule registryRulesAndTextUseNoAdapter = ValiseArchitecture.coresUseNoAdapter(CORES);

	@ArchTest
	static final ArchRule packagesUseEachOtherOneWayOnly = ValiseArchitecture.packagesAreFreeOfCycles("routing");

	@ArchTest
	static final ArchRule routingUsesOnlyItselfPlatformAndContracts = ValiseArchitecture
		.servicesShareOnlyPlatformAndContracts("routing");

}
