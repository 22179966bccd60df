package org.valise.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.valise.platform.security.Role;
import org.valise.platform.security.TestTokens;
import org.valise.platform.security.TrustTestTokens;

/**
 * The one Spring test context of intake against a real (embedded KRaft) broker, shared by every broker-tier test
 * class so that it starts once: the application on a random port, everything pointed at the embedded broker, and
 * the local profile trusting the test key ({@link TrustTestTokens}), no practical rate limit, two submitters ({@link #TOKEN} for "registry",
 * {@link #OTHER_TOKEN} for "mission-desk"), and one
 * {@link ReceivedNotes} reader of the topic to autowire.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				// The tests of this context submit thousands of notes as one client (the fuzz test); the rate limit
				// itself is tested in a context of its own (RateLimitTests).
				"valise.intake.rate-limit.requests=1000000" })
@TrustTestTokens
@EmbeddedKafka(partitions = 3, topics = ReceivedNotes.TOPIC)
@Import(ReceivedNotesConfiguration.class)
public @interface IntakeBrokerTest {

	/** The bearer token of the submitter "registry". */
	String TOKEN = TestTokens.token("registry", Role.SUBMITTER, null);

	/** The bearer token of the submitter "mission-desk". */
	String OTHER_TOKEN = TestTokens.token("mission-desk", Role.SUBMITTER, null);

}
