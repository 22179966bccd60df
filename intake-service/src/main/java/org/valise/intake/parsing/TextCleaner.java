package org.valise.intake.parsing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes from a working copy what is not the writer's text: Markdown emphasis, registry stamps, page numbers, job
 * numbers, bracketed scanner annotations, and the hyphenation of words broken at the end of a line.
 */
final class TextCleaner {

	private static final Pattern ANNOTATION = Pattern.compile(
			"\\[(?:stamp|seal|sceau|sello|timbre|cachet|signature|signed|sign\u00e9|firma|firmado|unterschrift|stempel"
					+ "|assinatura|carimbo|timbro|подпись|печать|توقيع|ختم|logo|emblem|coat of arms"
					+ "|illegible|ill\u00e9gible|initials?|paraphe)\\b[^\\]]{0,300}\\]",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern PAGE_NUMBER = Pattern.compile(
			"[-\u2013\u2014]\\s*\\d{1,3}\\s*[-\u2013\u2014]|(?:page|p\u00e1gina|pagina|p\\.)\\s*\\d{1,3}"
					+ "(?:\\s*(?:of|de|sur|/)\\s*\\d{1,3})?|\\d{1,3}\\s*/\\s*\\d{1,3}",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STAMP_WORD = Pattern
		.compile("\\b(?:RECEIVED|RE\u00c7U|RECU|RECIBIDO|ENREGISTR\u00c9|ENREGISTRE|REGISTRY|REGISTRO|ENTRADA|ARRIV\u00c9E?)\\b");

	private static final Pattern JOB_NUMBER = Pattern
		.compile("GE\\.\\d{2}-\\d{4,6}.*|\\*?\\d{7}\\*?|\\d{2}-\\d{5}\\s*\\([A-Z]\\)(?:\\s+\\d{6}){0,2}|[+][-=+]{3,}[+]");

	private TextCleaner() {
	}

	static MappedText clean(String input) {
		MappedText original = MappedText.of(input);
		int n = input.length();
		boolean[] drop = new boolean[n];
		Matcher annotation = ANNOTATION.matcher(input);
		while (annotation.find()) {
			for (int i = annotation.start(); i < annotation.end(); i++) {
				drop[i] = input.charAt(i) != '\n';
			}
		}
		int lineStart = 0;
		while (lineStart <= n) {
			int lineEnd = input.indexOf('\n', lineStart);
			if (lineEnd < 0) {
				lineEnd = n;
			}
			if (isNoise(input.substring(lineStart, lineEnd).strip())) {
				for (int i = lineStart; i < Math.min(n, lineEnd + 1); i++) {
					drop[i] = true;
				}
			}
			lineStart = lineEnd + 1;
		}
		MappedText.Builder kept = original.builder();
		for (int i = 0; i < n; i++) {
			char c = input.charAt(i);
			if (!drop[i] && c != '*' && c != '\r' && c != '\u00AD' && c != '\u200B' && c != '\uFEFF') {
				kept.keep(i);
			}
		}
		return dehyphenate(kept.build());
	}

	static boolean isNoise(String line) {
		if (line.isEmpty()) {
			return false;
		}
		if (PAGE_NUMBER.matcher(line).matches() || JOB_NUMBER.matcher(line).matches()) {
			return true;
		}
		if (line.startsWith("|") || line.chars().filter((c) -> c == '|').count() >= 2
				|| line.chars().anyMatch((c) -> c >= 0x2500 && c <= 0x257F)) {
			return true;
		}
		return line.length() <= 60 && STAMP_WORD.matcher(line).find() && line.chars().anyMatch(Character::isDigit);
	}

	private static MappedText dehyphenate(MappedText text) {
		String s = text.text();
		int n = s.length();
		MappedText.Builder out = text.builder();
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if ((c == '-' || c == '\u2010') && i > 0 && Character.isLetter(s.charAt(i - 1))) {
				int j = i + 1;
				while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
					j++;
				}
				if (j < n && s.charAt(j) == '\n') {
					int k = j + 1;
					while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
						k++;
					}
					if (k < n && Character.isLowerCase(s.charAt(k))) {
						i = k - 1;
						continue;
					}
				}
			}
			out.keep(i);
		}
		return out.build();
	}

}
