package io.orderchat.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Reads REST bodies as the docs promise: a field has the JSON type it is documented with
 * or the request is refused ({@code VALIDATION_FAILED}) — {@code "content": 42} is not
 * the text "42", {@code "amount": "10"} not the number 10, {@code 1.5} not the integer 1
 * — and no string holds the NUL character, which no store can keep. Jackson's default
 * coercions are lenient; these turn them off for every endpoint, present and future.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
		builder.withCoercionConfig(LogicalType.Textual,
				(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Integer,
				(number) -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Float,
				(number) -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Boolean,
				(flag) -> flag.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		builder.addModule(new SimpleModule("orderchat-strict-text").addDeserializer(String.class, new NoNulText()));
	}

	/**
	 * Strings without the NUL character: a string with one is refused, naming its field.
	 */
	static final class NoNulText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\0') >= 0) {
				throw new NulInText(parser);
			}
			return text;
		}

	}

	/** A string holding the NUL character; its path names the field. */
	static final class NulInText extends MismatchedInputException {

		NulInText(JsonParser parser) {
			super(parser, "text must not contain the NUL character", String.class);
		}

	}

}
