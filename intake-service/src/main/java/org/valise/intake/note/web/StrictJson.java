package org.valise.intake.note.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.valise.intake.note.NoteText;
import org.valise.platform.web.JsonProblems;

/**
 * Reads JSON submissions strictly, so that what a client sends is what intake understands or a 400 naming the field:
 * <ul>
 * <li>no scalar coercion: a number or a boolean where a string is expected, a string or a number where a boolean
 * is, a number where a date is — all refused ({@code ALLOW_COERCION_OF_SCALARS} off, and coercion configs that fail
 * integers, floats and booleans into text, which that feature alone lets through);</li>
 * <li>a date only as an ISO 8601 string ({@code "2021-01-28"}), not as an array or a number;</li>
 * <li>every string valid Unicode without NUL ({@link NoteText}), escapes included ({@code \u0000}, a lone
 * {@code \ud800});</li>
 * <li>no unknown fields: a misspelt field ({@code "refrence"}) would otherwise be dropped silently and the note
 * registered without it — for correspondence, a refusal is better than a silent loss (clients sending fields of a
 * later version get a 400 naming the field, which is the contract's additive rule read strictly);</li>
 * <li>no duplicate fields ({@code {"sender": "A", "sender": "B"}}): two readers of one body must not disagree on
 * what it says;</li>
 * <li>nothing after the value, and no null for a primitive (Jackson 3's defaults, kept explicit).</li>
 * </ul>
 * The intake's {@link JsonMapper} only reads request bodies, so these rules change nothing it writes.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfigDefaults((config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("valise-strict-json").addDeserializer(String.class, new Strings())
				.addDeserializer(LocalDate.class, new Dates()));
	}

	/** After Spring Boot's own customizer, so that {@code spring.jackson.*} cannot loosen these rules. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Jackson's strings, then {@link NoteText}'s rules. */
	static final class Strings extends StdScalarDeserializer<String> {

		Strings() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = StringDeserializer.instance.deserialize(parser, context);
			String flaw = (text != null) ? NoteText.flaw(text) : null;
			if (flaw != null) {
				throw new UnacceptableText(parser, flaw);
			}
			return text;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public Object getEmptyValue(DeserializationContext context) {
			return "";
		}

	}

	/** A date as an ISO 8601 string, nothing else. */
	static final class Dates extends StdScalarDeserializer<LocalDate> {

		Dates() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw InvalidFormatException.from(parser, "must be a date in ISO 8601 form (yyyy-mm-dd)", text,
						LocalDate.class);
			}
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}

	}

	/** A string that is not text intake takes; its message says why, without quoting it. */
	static final class UnacceptableText extends JsonProblems.RefusedValue {

		UnacceptableText(JsonParser parser, String flaw) {
			super(parser, flaw, String.class);
		}

	}

}
