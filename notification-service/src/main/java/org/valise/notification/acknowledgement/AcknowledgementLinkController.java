package org.valise.notification.acknowledgement;

import java.net.URI;

import org.valise.notification.command.AcknowledgeNote;
import org.valise.notification.tracking.NoteTracking;
import org.valise.notification.tracking.NoteId;
import org.valise.notification.tracking.streams.TrackingQueries;
import org.valise.notification.web.ApiProblems;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The signed one-click acknowledgement link of the e-mails and webhooks: {@code GET /api/v1/acknowledgements/{token}}
 * shows what is acknowledged and a confirm button (a GET never acknowledges, so mail scanners that follow links do
 * not), {@code POST} the same URL acknowledges (HTML for a browser, JSON for {@code Accept: application/json}). The
 * token proves the office; a forged one is refused (403), an expired or already used one too (410).
 */
@RestController
@RequestMapping("/api/v1/acknowledgements")
class AcknowledgementLinkController {

	private static final int MAX_NAME = 200;

	private static final int MAX_COMMENT = 2000;

	private final AcknowledgementLinks links;

	private final Acknowledgements acknowledgements;

	private final TrackingQueries trackings;

	AcknowledgementLinkController(AcknowledgementLinks links, Acknowledgements acknowledgements,
			TrackingQueries trackings) {
		this.links = links;
		this.acknowledgements = acknowledgements;
		this.trackings = trackings;
	}

	@GetMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
	@ApiResponse(responseCode = "200", description = "The confirmation page: what is acknowledged, and the form that "
			+ "does it (a GET acknowledges nothing)")
	@ApiResponse(responseCode = "403", description = "A forged link")
	@ApiResponse(responseCode = "404", description = "The link's note is not known here")
	@ApiResponse(responseCode = "410", description = "A link already used, or expired")
	ResponseEntity<String> confirmPage(@PathVariable String token) {
		AcknowledgementLinks.LinkClaims claims = verify(token);
		NoteTracking tracking = this.trackings.find(NoteId.of(claims.noteId()))
			.orElseThrow(() -> ApiProblems.noteNotFound(NoteId.of(claims.noteId())));
		StringBuilder page = head("Acknowledge note " + tracking.registryNumber());
		page.append("<h1>Acknowledge note ").append(escape(tracking.registryNumber())).append("</h1>\n<table>\n");
		row(page, "For", claims.office());
		if (tracking.note() != null) {
			row(page, "Reference", tracking.note().reference());
			row(page, "Date", (tracking.note().date() != null) ? tracking.note().date().toString() : null);
			row(page, "Sender", tracking.note().sender());
			row(page, "Subject", tracking.note().subject());
		}
		row(page, "Status", String.valueOf(tracking.state()));
		row(page, "Acknowledge by", String.valueOf(tracking.acknowledgementDeadline()));
		page.append("</table>\n");
		page.append("<form method=\"post\">\n<p><label>Acknowledged by (your name and title)<br>")
			.append("<input name=\"acknowledgedBy\" maxlength=\"200\" required></label></p>\n")
			.append("<p><label>Comment (optional)<br><textarea name=\"comment\" maxlength=\"2000\"></textarea>")
			.append("</label></p>\n<p><button type=\"submit\">Acknowledge receipt</button></p>\n</form>\n")
			.append("<p>This link works once and only for office ").append(escape(claims.office()))
			.append(". It expires at ").append(claims.expiresAt()).append(".</p>\n</body></html>\n");
		return html(page.toString());
	}

	@PostMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
	@ApiResponse(responseCode = "200", description = "The page saying the note is acknowledged (HTML)")
	@ApiResponse(responseCode = "202", description = "Accepted (JSON, for Accept: application/json): the "
			+ "acknowledgement is recorded")
	@ApiResponse(responseCode = "400", description = "A name or comment missing or too long")
	@ApiResponse(responseCode = "403", description = "A forged link")
	@ApiResponse(responseCode = "410", description = "A link already used, or expired")
	ResponseEntity<String> confirm(@PathVariable String token, @RequestParam(required = false) String acknowledgedBy,
			@RequestParam(required = false) String comment) {
		AcknowledgementAccepted accepted = acknowledge(token, acknowledgedBy, comment);
		StringBuilder page = head("Acknowledged");
		page.append("<h1>").append(AcknowledgementAccepted.PENDING.equals(accepted.status())
				? "Acknowledgement recorded" : "Acknowledged")
			.append("</h1>\n<p>Note ")
			.append(escape((accepted.registryNumber() != null) ? accepted.registryNumber() : accepted.noteId().toString()))
			.append(" is acknowledged for ")
			.append(escape(accepted.office()))
			.append(" by ")
			.append(escape(accepted.acknowledgedBy()))
			.append(".</p>\n</body></html>\n");
		return html(page.toString());
	}

	@PostMapping(path = "/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcknowledgementAccepted> confirmJson(@PathVariable String token,
			@RequestParam(required = false) String acknowledgedBy, @RequestParam(required = false) String comment) {
		AcknowledgementAccepted accepted = acknowledge(token, acknowledgedBy, comment);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/notes/" + accepted.noteId()))
			.cacheControl(CacheControl.noStore())
			.body(accepted);
	}

	private AcknowledgementAccepted acknowledge(String token, String acknowledgedBy, String comment) {
		AcknowledgementLinks.LinkClaims claims = verify(token);
		String by = (acknowledgedBy != null && !acknowledgedBy.isBlank()) ? acknowledgedBy.strip()
				: claims.office() + " (signed link)";
		if (by.length() > MAX_NAME) {
			throw ApiProblems.invalidParameter("acknowledgedBy", "must be at most " + MAX_NAME + " characters");
		}
		if (comment != null && comment.length() > MAX_COMMENT) {
			throw ApiProblems.invalidParameter("comment", "must be at most " + MAX_COMMENT + " characters");
		}
		return this.acknowledgements.acknowledge(NoteId.of(claims.noteId()), claims.office(), by, comment,
				AcknowledgeNote.VIA_LINK, claims.tokenId());
	}

	private AcknowledgementLinks.LinkClaims verify(String token) {
		try {
			return this.links.verify(token);
		}
		catch (AcknowledgementLinks.InvalidLink ex) {
			throw AcknowledgementLinks.InvalidLink.EXPIRED.equals(ex.reason())
					? ApiProblems.linkGone("link-expired", ex.getMessage()) : ApiProblems.invalidLink(ex.getMessage());
		}
	}

	private static StringBuilder head(String title) {
		return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(escape(title))
			.append("</title></head><body>\n");
	}

	private static void row(StringBuilder page, String label, String value) {
		page.append("<tr><th align=\"left\">")
			.append(escape(label))
			.append("</th><td>")
			.append(escape((value != null) ? value : "—"))
			.append("</td></tr>\n");
	}

	// The token is in the URL: keep it out of caches and Referer headers; the page runs no script.
	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
			.body(body);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
