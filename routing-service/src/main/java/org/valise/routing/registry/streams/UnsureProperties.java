package org.valise.routing.registry.streams;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.valise.routing.routing.UnsureFields;

/**
 * When a note is too unsure to route ({@code valise.routing.unsure.*}): a routing field read with a confidence below
 * the threshold sends the note to triage ("unsure: recipient"). The routing policy takes its {@link UnsureFields}.
 *
 * @param threshold the confidence, 0 to 1, below which a field is unsure (0: never unsure)
 * @param fields the routing fields checked, by their names in {@code note-fields.v1}
 */
@ConfigurationProperties("valise.routing.unsure")
@Validated
record UnsureProperties(@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double threshold,
		@DefaultValue({ "docType", "recipient", "recipientHead", "highestDestination", "confidential",
				"enclosures" }) @NotNull List<String> fields) {

	/** The policy's view of it. */
	public UnsureFields unsureFields() {
		return new UnsureFields(this.threshold, this.fields);
	}

}
