package org.valise.system.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of latency against offered rate, written as SVG by hand: a linear rate axis, a logarithmic latency
 * axis (milliseconds, decades), one polyline with its points per series, a legend.
 */
final class SvgChart {

	/** A point: a rate (notes/s) and a latency (ms). */
	record Point(double rate, double latencyMs) {
	}

	/** A named line. */
	record Series(String name, String colour, List<Point> points) {
	}

	private static final int WIDTH = 760;

	private static final int HEIGHT = 440;

	private static final int LEFT = 70;

	private static final int RIGHT = 190;

	private static final int TOP = 40;

	private static final int BOTTOM = 50;

	private SvgChart() {
	}

	static String render(String title, List<Series> series) {
		List<Point> all = new ArrayList<>();
		series.forEach((s) -> all.addAll(s.points()));
		double maxRate = niceCeiling(all.stream().mapToDouble(Point::rate).max().orElse(1));
		double minDecade = Math.floor(Math.log10(Math.max(0.1, all.stream().mapToDouble(Point::latencyMs).min().orElse(1))));
		double maxDecade = Math.max(minDecade + 1,
				Math.ceil(Math.log10(Math.max(1, all.stream().mapToDouble(Point::latencyMs).max().orElse(10)))));
		Axes axes = new Axes(maxRate, minDecade, maxDecade);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(text(WIDTH / 2 - RIGHT / 2, 22, escape(title), "middle", 15));
		grid(svg, axes);
		int row = 0;
		for (Series s : series) {
			List<Point> points = new ArrayList<>(s.points());
			points.sort(Comparator.comparingDouble(Point::rate));
			StringBuilder line = new StringBuilder();
			for (Point p : points) {
				line.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(p.rate()), axes.y(p.latencyMs())));
			}
			svg.append(String.format(Locale.ROOT,
					"<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
					s.colour(), line.toString().trim()));
			for (Point p : points) {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
						axes.x(p.rate()), axes.y(p.latencyMs()), s.colour()));
			}
			int y = TOP + 10 + row++ * 20;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
					WIDTH - RIGHT + 15, y, WIDTH - RIGHT + 35, y, s.colour()));
			svg.append(text(WIDTH - RIGHT + 40, y + 4, escape(s.name()), "start", 12));
		}
		return svg.append("</svg>\n").toString();
	}

	private static void grid(StringBuilder svg, Axes axes) {
		int plotRight = WIDTH - RIGHT;
		int plotBottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n", LEFT, TOP,
				plotRight - LEFT, plotBottom - TOP));
		for (int i = 0; i <= 5; i++) {
			double rate = axes.maxRate * i / 5;
			double x = axes.x(rate);
			svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
					x, TOP, x, plotBottom));
			svg.append(text((int) x, plotBottom + 16, format(rate), "middle", 11));
		}
		for (double decade = axes.minDecade; decade <= axes.maxDecade; decade++) {
			double y = axes.y(Math.pow(10, decade));
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
					LEFT, y, plotRight, y));
			svg.append(text(LEFT - 6, (int) y + 4, format(Math.pow(10, decade)), "end", 11));
		}
		svg.append(text((LEFT + plotRight) / 2, HEIGHT - 12, "offered rate (notes/s)", "middle", 12));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">latency (ms, log)</text>%n",
				(TOP + plotBottom) / 2, (TOP + plotBottom) / 2));
	}

	private static String text(int x, int y, String content, String anchor, int size) {
		return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x,
				y, anchor, size, content);
	}

	private static String format(double value) {
		return (value >= 1 && value == Math.rint(value)) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** Pixel positions of rates (linear) and latencies (log10). */
	private record Axes(double maxRate, double minDecade, double maxDecade) {

		double x(double rate) {
			return LEFT + (WIDTH - RIGHT - LEFT) * rate / this.maxRate;
		}

		double y(double latencyMs) {
			double decade = Math.log10(Math.max(latencyMs, Math.pow(10, this.minDecade)));
			double share = (decade - this.minDecade) / (this.maxDecade - this.minDecade);
			return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * share;
		}

	}

}
