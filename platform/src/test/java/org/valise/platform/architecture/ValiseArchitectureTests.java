package org.valise.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.valise.fixture.alpha.core.AsksTheDesk;
import org.valise.fixture.alpha.core.CallsTheWeb;
import org.valise.fixture.alpha.core.Framed;
import org.valise.fixture.alpha.core.PassesTheGate;
import org.valise.fixture.alpha.core.Peeks;
import org.valise.fixture.alpha.core.Pure;
import org.valise.fixture.alpha.core.Secured;
import org.valise.fixture.alpha.core.Sends;
import org.valise.fixture.alpha.core.ShowsAView;
import org.valise.fixture.alpha.desk.DeskController;
import org.valise.fixture.alpha.desk.DeskView;
import org.valise.fixture.alpha.gate.Gate;
import org.valise.fixture.alpha.one.One;
import org.valise.fixture.alpha.sending.KafkaSender;
import org.valise.fixture.alpha.two.Two;
import org.valise.fixture.alpha.web.AlphaController;
import org.valise.fixture.beta.Beta;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link ValiseArchitecture} fails on the fixture class that breaks it (naming it) and passes on a pure
 * one, so that a service's architecture test can fail.
 */
class ValiseArchitectureTests {

	private static final String CORE = "org.valise.fixture.alpha.core";

	@Test
	void findsACoreClassThatUsesSpring() {
		EvaluationResult result = evaluate(ValiseArchitecture.coresAreFreeOfFrameworks(CORE), Framed.class,
				Pure.class);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).singleElement()
			.asString()
			.contains(Framed.class.getName(), "org.springframework.util.Assert");
	}

	@Test
	void letsACoreUseJacksonAnnotations() {
		assertThat(evaluate(ValiseArchitecture.coresAreFreeOfFrameworks(CORE), Pure.class).hasViolation()).isFalse();
	}

	@Test
	void findsACoreClassThatUsesAWebPackage() {
		assertViolatedBy(ValiseArchitecture.coresUseNoAdapter(CORE), CallsTheWeb.class, AlphaController.class);
	}

	@Test
	void findsACoreClassThatUsesAControllerOutsideAWebPackage() {
		assertViolatedBy(ValiseArchitecture.coresUseNoAdapter(CORE), AsksTheDesk.class, DeskController.class);
	}

	@Test
	void findsACoreClassThatUsesAKafkaAdapter() {
		assertViolatedBy(ValiseArchitecture.coresUseNoAdapter(CORE), Sends.class, KafkaSender.class);
	}

	@Test
	void findsACoreClassThatUsesAServletAdapter() {
		assertViolatedBy(ValiseArchitecture.coresUseNoAdapter(CORE), PassesTheGate.class, Gate.class);
	}

	@Test
	void letsACoreUseAModelClassBesideAController() {
		assertThat(evaluate(ValiseArchitecture.coresUseNoAdapter(CORE), Pure.class, ShowsAView.class, DeskView.class,
				DeskController.class)
			.hasViolation()).isFalse();
	}

	@Test
	void findsACycleBetweenTwoPackages() {
		EvaluationResult result = evaluate(ValiseArchitecture.packagesAreFreeOfCycles("fixture.alpha"), One.class,
				Two.class);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("one", "two");
	}

	@Test
	void findsNoCycleWhereOnePackageUsesAnother() {
		assertThat(evaluate(ValiseArchitecture.packagesAreFreeOfCycles("fixture.alpha"), CallsTheWeb.class,
				AlphaController.class)
			.hasViolation()).isFalse();
	}

	@Test
	void findsAServiceThatUsesAnotherService() {
		assertViolatedBy(ValiseArchitecture.servicesShareOnlyPlatformAndContracts("fixture.alpha"), Peeks.class);
	}

	@Test
	void findsAClassOutsideItsServicesPackage() {
		assertViolatedBy(ValiseArchitecture.servicesShareOnlyPlatformAndContracts("fixture.alpha"), Beta.class);
	}

	@Test
	void letsAServiceUseItselfThePlatformAndTheJdk() {
		assertThat(evaluate(ValiseArchitecture.servicesShareOnlyPlatformAndContracts("fixture.alpha"), Pure.class,
				CallsTheWeb.class, AlphaController.class, Secured.class)
			.hasViolation()).isFalse();
	}

	private static void assertViolatedBy(ArchRule rule, Class<?> culprit, Class<?>... others) {
		Class<?>[] imported = new Class<?>[others.length + 1];
		imported[0] = culprit;
		System.arraycopy(others, 0, imported, 1, others.length);
		EvaluationResult result = evaluate(rule, imported);

		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		assertThat(result.getFailureReport().getDetails()).isNotEmpty()
			.allSatisfy((detail) -> assertThat(detail).contains(culprit.getName()));
	}

	private static EvaluationResult evaluate(ArchRule rule, Class<?>... types) {
		JavaClasses classes = new ClassFileImporter().importClasses(types);
		return rule.evaluate(classes);
	}

}
