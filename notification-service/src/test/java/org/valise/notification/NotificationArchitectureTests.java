package org.valise.notification;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.valise.platform.architecture.ThisModule;
import org.valise.platform.architecture.ValiseArchitecture;

/**
 * notification's architecture ({@link ValiseArchitecture}): the tracking desk ({@code tracking}, not its adapters
 * {@code tracking.streams} and {@code tracking.web}), the directory and the receipt drafts are pure cores, free of
 * the frameworks and of the web and Kafka adapters; no cycle between notification's packages (one known cycle
 * frozen); nothing of another service.
 */
@AnalyzeClasses(packages = "org.valise", importOptions = ThisModule.class)
class NotificationArchitectureTests {

	private static final String[] CORES = { "org.valise.notification.tracking", "org.valise.notification.directory",
			"org.valise.notification.receipt" };

	@ArchTest
	static final ArchRule trackingDirectoryAndReceiptsUseNoFramework = ValiseArchitecture
		.coresAreFreeOfFrameworks(CORES);

	@ArchTest
	static final ArchRule trackingDirectoryAndReceiptsUseNoAdapter = ValiseArchitecture.coresUseNoAdapter(CORES);

	/**
	 * Frozen (src/test/resources/archunit-frozen): one known cycle, {@code tracking} (its {@code web} adapter answers
	 * with {@code web.ApiProblems}) and {@code web} ({@code ApiProblems} takes {@code tracking.NoteId},
	 * {@code ProblemHandler} answers {@code tracking.streams.TrackingQueries.TrackingUnavailable}); any other cycle,
	 * or a new dependency in this one, fails.
	 */
	@ArchTest
	static final ArchRule packagesUseEachOtherOneWayOnly = FreezingArchRule
		.freeze(ValiseArchitecture.packagesAreFreeOfCycles("notification"));

	@ArchTest
	static final ArchRule notificationUsesOnlyItselfPlatformAndContracts = ValiseArchitecture
		.servicesShareOnlyPlatformAndContracts("notification");

}
