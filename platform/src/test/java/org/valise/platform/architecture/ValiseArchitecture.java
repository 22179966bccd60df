package org.valise.platform.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every Valise service keeps, as ArchUnit rules each service's {@code ...ArchitectureTests} applies
 * to its own classes ({@link ThisModule}): its pure cores free of Spring, Kafka, the Servlet API and Micrometer, and
 * of its web and Kafka adapters; no cycle between its packages; nothing of another service. A core is named as one
 * package, exactly (its subpackages, such as {@code tracking.streams}, are adapters of their own).
 */
public final class ValiseArchitecture {

	/** What a pure core does without: the frameworks its adapters bring. Jackson's annotations are allowed. */
	public static final String[] FRAMEWORKS = { "org.springframework..", "org.apache.kafka..", "jakarta.servlet..",
			"io.micrometer.." };

	/** The Kafka libraries: a class that uses one of them directly is a Kafka adapter. */
	static final String[] KAFKA = { "org.apache.kafka..", "org.springframework.kafka..",
			"org.springframework.cloud.stream..", "io.cloudevents.kafka.." };

	/** What every service may use besides its own packages: the shared platform and the published contract. */
	static final String[] SHARED = { "org.valise.platform..", "org.valise.contracts.." };

	private ValiseArchitecture() {
	}

	/** The cores' classes use no framework an adapter brings (Spring, Kafka, Servlet, Micrometer). */
	public static ArchRule coresAreFreeOfFrameworks(String... cores) {
		return noClasses().that()
			.resideInAnyPackage(cores)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FRAMEWORKS)
			.because("a core decides, its adapters bring the frameworks (Jackson's annotations are allowed)");
	}

	/**
	 * The cores' classes use no adapter: nothing in a {@code web} or {@code streams} package, no controller, and no
	 * class that uses Kafka or the Servlet API itself.
	 */
	public static ArchRule coresUseNoAdapter(String... cores) {
		return noClasses().that()
			.resideInAnyPackage(cores)
			.should()
			.dependOnClassesThat(adapters())
			.because("the web and Kafka adapters call the cores, never the other way round");
	}

	/** No cycle between the top-level packages of a service ({@code org.valise.<service>.<package>..}). */
	public static ArchRule packagesAreFreeOfCycles(String service) {
		return slices().matching(root(service) + ".(*)..")
			.namingSlices("$1")
			.should()
			.beFreeOfCycles()
			.because("a package of " + service + " either uses another or is used by it, never both");
	}

	/**
	 * The service's classes live in its own package and use nothing of another service: services share only the
	 * platform and the contract, and talk through Kafka.
	 */
	public static ArchRule servicesShareOnlyPlatformAndContracts(String service) {
		List<String> allowed = new ArrayList<>(List.of(SHARED));
		allowed.add(root(service) + "..");
		return classes().should()
			.resideInAPackage(root(service) + "..")
			.andShould()
			.onlyDependOnClassesThat(DescribedPredicate.not(resideInAPackage("org.valise.."))
				.or(resideInAnyPackage(allowed.toArray(String[]::new))))
			.because("services share only platform and contracts, and talk through Kafka");
	}

	/** A class of the web or Kafka side: in a web or streams package, a controller, or using Kafka or Servlet. */
	static DescribedPredicate<JavaClass> adapters() {
		return resideInAnyPackage("..web..", "..streams..").or(controllers()).or(using("use Kafka", KAFKA))
			.or(using("use the Servlet API", "jakarta.servlet.."));
	}

	private static DescribedPredicate<JavaClass> controllers() {
		return DescribedPredicate.describe("are controllers",
				(type) -> type.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
						|| type.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice"));
	}

	private static DescribedPredicate<JavaClass> using(String description, String... packages) {
		DescribedPredicate<JavaClass> used = resideInAnyPackage(packages);
		return DescribedPredicate.describe(description,
				(type) -> type.getDirectDependenciesFromSelf()
					.stream()
					.map(Dependency::getTargetClass)
					.anyMatch(used));
	}

	private static String root(String service) {
		return "org.valise." + service;
	}

}
