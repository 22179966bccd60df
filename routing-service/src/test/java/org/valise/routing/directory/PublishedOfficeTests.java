package org.valise.routing.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedOfficeTests {

	@Test
	void writesTheOfficeInThePublishedFormat() {
		Office odg = DirectoryLoader.load(PublishedOfficeTests.class.getResourceAsStream("/directory/iom.yml"), "iom.yml")
			.head();

		assertThat(PublishedOffice.json(odg, "c0ffee")).isEqualTo("""
				{"id":"ODG","name":"Office of the Director General","headTitle":"Director General","parent":null,\
				"deputy":"DDGO","holders":[{"name":"António Vitorino","from":"2018-10-01","until":"2023-09-30"},\
				{"name":"Amy Pope","from":"2023-10-01","until":null}],\
				"channels":[{"type":"email","address":"odg@iom.example.org"}],"confidentialClearance":true,\
				"directoryVersion":"c0ffee"}""");
	}

	@Test
	void writesNullsForWhatTheDirectoryLeavesOutAndNothingRoutingKeepsToItself() {
		Office office = new Office("LIAISON", "Liaison Office", null, 3, "ODG", null, null,
				List.of(new Holder("Ana Lima", null, null)), List.of("Liaison"), List.of("liaison"), List.of("LIA"),
				List.of(new Channel("webhook", "https://liaison.example.org/valise")));

		assertThat(PublishedOffice.json(office, "v1")).isEqualTo("""
				{"id":"LIAISON","name":"Liaison Office","headTitle":null,"parent":"ODG","deputy":null,\
				"holders":[{"name":"Ana Lima","from":null,"until":null}],\
				"channels":[{"type":"webhook","address":"https://liaison.example.org/valise"}],\
				"confidentialClearance":false,"directoryVersion":"v1"}""");
	}

	@Test
	void takesTheSameOfficeFromAnotherDirectoryVersionForUnchanged() {
		Office office = new Office("LIAISON", "Liaison Office", null, 3, "ODG", null, null, List.of(), List.of(),
				List.of(), List.of(), List.of());
		Office renamed = new Office("LIAISON", "Office of Liaison", null, 3, "ODG", null, null, List.of(), List.of(),
				List.of(), List.of(), List.of());
		String reordered = "{\"directoryVersion\":\"v0\",\"id\":\"LIAISON\",\"name\":\"Liaison Office\","
				+ "\"headTitle\":null,\"parent\":\"ODG\",\"deputy\":null,\"holders\":[],\"channels\":[],"
				+ "\"confidentialClearance\":false}";

		assertThat(PublishedOffice.sameOffice(PublishedOffice.json(office, "v1"), PublishedOffice.json(office, "v2")))
			.isTrue();
		assertThat(PublishedOffice.sameOffice(reordered, PublishedOffice.json(office, "v2"))).isTrue();
		assertThat(PublishedOffice.sameOffice(PublishedOffice.json(office, "v1"), PublishedOffice.json(renamed, "v1")))
			.isFalse();
		assertThat(PublishedOffice.sameOffice("not json", PublishedOffice.json(office, "v1"))).isFalse();
		assertThat(PublishedOffice.sameOffice("[]", PublishedOffice.json(office, "v1"))).isFalse();
	}

}
