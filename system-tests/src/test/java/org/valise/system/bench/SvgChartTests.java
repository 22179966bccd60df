package org.valise.system.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	@Test
	void drawsOnePolylineWithAPointPerRateForEachSeriesAsWellFormedSvg() throws Exception {
		String svg = SvgChart.render("Valise <latency> & rate",
				List.of(new SvgChart.Series("p50", "#1f77b4",
						List.of(new SvgChart.Point(40, 12), new SvgChart.Point(10, 5), new SvgChart.Point(80, 30))),
						new SvgChart.Series("p99", "#d62728",
								List.of(new SvgChart.Point(10, 20), new SvgChart.Point(80, 900)))));
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(5);
		String first = ((Element) document.getElementsByTagName("polyline").item(0)).getAttribute("points");
		assertThat(first.split(" ")).hasSize(3);
		assertThat(svg).contains("Valise &lt;latency&gt; &amp; rate");
	}

	@Test
	void drawsHigherLatenciesHigherUpAndHigherRatesFurtherRight() throws Exception {
		String svg = SvgChart.render("t", List.of(new SvgChart.Series("p99", "red",
				List.of(new SvgChart.Point(10, 10), new SvgChart.Point(100, 1000)))));
		String points = svg.substring(svg.indexOf("points=\"") + 8, svg.indexOf("\"/>", svg.indexOf("points=\"")));
		String[] low = points.split(" ")[0].split(",");
		String[] high = points.split(" ")[1].split(",");
		assertThat(Double.parseDouble(high[0])).isGreaterThan(Double.parseDouble(low[0]));
		assertThat(Double.parseDouble(high[1])).isLessThan(Double.parseDouble(low[1]));
	}

	@Test
	void roundsTheRateAxisUpToANiceNumber() {
		assertThat(SvgChart.niceCeiling(130)).isEqualTo(200);
		assertThat(SvgChart.niceCeiling(420)).isEqualTo(500);
		assertThat(SvgChart.niceCeiling(21)).isEqualTo(25);
	}

}
