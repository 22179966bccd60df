package org.valise.notification;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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
	 * No cycle: {@code web} (problems, the 503 of something away) uses no other package of notification; the fan-out
	 * of reads lives with the tracking view ({@code tracking.web.PeerReads}) and the passing on of one note's
	 * requests in {@code forwarding}, which nothing uses.
	 */
	@ArchTest
	static final ArchRule packagesUseEachOtherOneWayOnly = ValiseArchitecture.packagesAreFreeOfCycles("notification");

	@ArchTest
	static final ArchRule notificationUsesOnlyItselfPlatformAndContracts = ValiseArchitecture
		.servicesShareOnlyPlatformAndContracts("notification");

}
