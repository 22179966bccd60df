package org.valise.routing.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.valise.routing.text.Term;

/**
 * An office of the organisation directory, immutable once loaded.
 *
 * @param id stable short id (e.g. ODG)
 * @param name the office's name (e.g. Office of the Director General)
 * @param headTitle the title of its head (e.g. Director General)
 * @param rank 1 for the head of the organisation, larger numbers further down
 * @param parent id of the office it reports to, {@code null} for the head
 * @param deputy id of the office that stands in for it, or {@code null}
 * @param clearance what it may receive
 * @param holders who headed it and when
 * @param aliases names, titles and acronyms it is known by, in every working language
 * @param keywords subjects it handles (used for thematic routing and information copies)
 * @param referencePrefixes prefixes of its own outgoing references (e.g. OLA in OLA/2023/0187)
 * @param channels where it receives notes
 */
public record Office(String id, String name, String headTitle, int rank, String parent, String deputy,
		Clearance clearance, List<Holder> holders, List<String> aliases, List<String> keywords,
		List<String> referencePrefixes, List<Channel> channels) {

	public Office {
		holders = List.copyOf(holders);
		aliases = List.copyOf(aliases);
		keywords = List.copyOf(keywords);
		referencePrefixes = List.copyOf(referencePrefixes);
		channels = List.copyOf(channels);
	}

	/** Who held the office on that day, or {@code null} if nobody is recorded. */
	public String holderOn(LocalDate day) {
		return this.holders.stream().filter(h -> h.heldOn(day)).map(Holder::name).findFirst().orElse(null);
	}

	/** Whether it may receive confidential notes. */
	public boolean clearedForConfidential() {
		return this.clearance != null && this.clearance.confidential();
	}

	/** Its name, title and aliases as terms to look for in a text. */
	List<Term> aliasTerms() {
		List<String> all = new ArrayList<>(this.aliases);
		all.add(this.name);
		if (this.headTitle != null) {
			all.add(this.headTitle);
		}
		return all.stream().distinct().map(Term::of).filter(t -> !t.isBlank()).toList();
	}

}
