package org.valise.intake.note.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.valise.intake.note.NoteSubmission;
import org.valise.platform.web.JsonProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * How intake reads a JSON submission ({@link StrictJson}) and what it answers when it cannot
 * ({@link JsonProblems}): no coercion, no unknown or duplicate fields, no text that is not text — each refusal
 * naming the field, in intake's words, never quoting the body.
 */
class StrictJsonTests {

	private static final String CANARY = "zq7canaryXK2";

	private final JsonMapper json = strict();

	@Test
	void readsAWellTypedSubmission() {
		NoteSubmission submission = this.json.readValue("""
				{"sender": "Permanent Mission", "reference": null, "date": "2021-01-28", "confidential": true,
				 "enclosures": [{"title": "Letter", "author": null, "addressee": "Director General"}]}
				""", NoteSubmission.class);

		assertThat(submission.sender()).isEqualTo("Permanent Mission");
		assertThat(submission.reference()).isNull();
		assertThat(submission.date()).isEqualTo(LocalDate.of(2021, 1, 28));
		assertThat(submission.confidential()).isTrue();
		assertThat(submission.enclosures()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"reference": null, "sender": 42}                 | sender            | must be a JSON string, not a number
			{"sender": 4.2}                                   | sender            | must be a JSON string, not a number
			{"sender": true}                                  | sender            | must be a JSON string, not a boolean
			{"sender": ["A"]}                                 | sender            | must be a JSON string, not an array
			{"sender": {"name": "A"}}                         | sender            | must be a JSON string, not an object
			{"sender": "A", "confidential": "true"}           | confidential      | must be true or false, not a string
			{"sender": "A", "confidential": 1}                | confidential      | must be true or false, not a number
			{"sender": "A", "highestDestination": ""}         | highestDestination| must be true or false
			{"sender": "A", "date": [2021, 1, 28]}            | date              | must be a date as a JSON string in ISO 8601 form (yyyy-mm-dd), not an array
			{"sender": "A", "date": 20210128}                 | date              | must be a date as a JSON string in ISO 8601 form
			{"sender": "A", "date": "2021-02-30"}             | date              | must be a date as a JSON string in ISO 8601 form
			{"sender": "A", "date": "28 January 2021"}        | date              | must be a date as a JSON string in ISO 8601 form
			{"sender": "A", "enclosures": "Letter"}           | enclosures        | must be a JSON array, not a string
			{"sender": "A", "enclosures": ["Letter"]}         | enclosures[0]     | must be a JSON object, not a string
			{"sender": "A", "enclosures": [{"title": 1}]}     | enclosures[0].title | must be a JSON string, not a number
			{"sender": "A", "refrence": "12/2024"}            | refrence          | is not a known field; the fields are
			{"sender": "A\\u0000B"}                           | sender            | contains a NUL character (at character 2)
			{"sender": "A", "text": "x\\ud800y"}              | text              | contains an unpaired surrogate U+D800
			{"sender": "A", "text": "\\udc00\\ud800"}         | text              | contains an unpaired surrogate U+DC00
			{"sender": "A", "sender": "B"}                    | sender            | a field appears twice
			""")
	void refusesNamingTheField(String body, String field, String reason) {
		HttpMessageNotReadableException refusal = refusal(body);

		assertThat(JsonProblems.field(refusal)).hasValue(field.strip());
		assertThat(JsonProblems.describe(refusal)).contains(reason.strip());
	}

	@Test
	void refusesAnythingAfterTheValue() {
		assertThat(JsonProblems.describe(refusal("{\"sender\": \"A\"} {}")))
			.isEqualTo("malformed JSON: there is more after the JSON object; send one object");
	}

	@Test
	void refusesABodyThatIsNotAnObject() {
		assertThat(JsonProblems.describe(refusal("[]"))).isEqualTo(
				"the body must be a JSON object with the fields of a note, not an array");
		assertThat(JsonProblems.describe(refusal("\"" + CANARY + "\""))).doesNotContain(CANARY);
	}

	@Test
	void saysWhereMalformedJsonBreaksWithoutQuotingIt() {
		String[] malformed = { "{\"text\": " + CANARY + "}", "{\"text\": \"" + CANARY, "{'text': '" + CANARY + "'}",
				"{\"text\": \"" + CANARY + "\" \"x\": 1}", "{\"text\": \"\\x" + CANARY + "\"}", "{" + CANARY + ": 1}",
				"{\"text\": \"a\u0001" + CANARY + "\"}", "{\"text\": 0x" + CANARY + "}",
				"{\"sender\": \"A\", \"date\": \"" + CANARY + "\"}", "{\"enclosures\": [\"" + CANARY + "\"]}",
				"{\"sender\": \"A\", \"confidential\": \"" + CANARY + "\"}" };

		for (String body : malformed) {
			HttpMessageNotReadableException refusal = refusal(body);
			assertThat(JsonProblems.describe(refusal)).as(body).doesNotContain(CANARY).doesNotContain("zq7");
			assertThat(JsonProblems.field(refusal).orElse("body")).as(body).doesNotContain(CANARY);
		}
		assertThat(JsonProblems.describe(refusal("{\"text\": " + CANARY + "}")))
			.isEqualTo("malformed JSON at line 1, column 10: a value is neither a string, a number, an object, an array, "
					+ "true, false nor null");
	}

	@Test
	void namesAnOddFieldOnlyAsFarAsItLooksLikeAName() {
		HttpMessageNotReadableException refusal = refusal("{\"sender\": \"A\", \"x\\r\\nINFO forged\": 1}");

		assertThat(JsonProblems.field(refusal)).hasValue("xINFOforged…");
	}

	@Test
	void refusesDeepNestingAtTheFirstValueOfTheWrongShape() {
		String deep = "{\"enclosures\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";

		assertThat(JsonProblems.describe(refusal(deep))).isEqualTo("field enclosures[0]: must be a JSON object, not an array");
	}

	private HttpMessageNotReadableException refusal(String body) {
		try {
			this.json.readValue(body, NoteSubmission.class);
		}
		catch (JacksonException ex) {
			return new HttpMessageNotReadableException("JSON parse error", ex,
					new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8)));
		}
		return fail("read without refusal: " + body);
	}

	private static JsonMapper strict() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().customize(builder);
		return builder.build();
	}

	@Test
	void keepsItsRulesAfterSpringBootsCustomizer() {
		assertThat(new StrictJson().getOrder()).isGreaterThan(0);
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.readValue("{\"sender\": 42}", NoteSubmission.class));
	}

}
