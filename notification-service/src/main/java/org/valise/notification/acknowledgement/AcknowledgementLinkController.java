package org.valise.notification.acknowledgement;

import java.net.URI;
import java.nio.charset.StandardCharsets;

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

/**
 * The signed one-click acknowledgement link of the e-mails and webhooks: {@code GET /api/v1/acknowledgements/{token}}
 * shows what is acknowledged and a confirm button (a GET never acknowledges, so mail scanners that follow links do
 * not), {@code POST} the same URL acknowledges (HTML for a browser, JSON for {@code Accept: application/json}). The
 * token proves the office; a forged one is refused (403), an expired or already used one too (410). The pages are
 * written by {@link AcknowledgementPages} from templates.
 */
@RestController
@RequestMapping("/api/v1/acknowledgements")
class AcknowledgementLinkController {

	private static final int MAX_NAME = 200;

	private static final int MAX_COMMENT = 2000;

	private final AcknowledgementLinks links;

	private final Acknowledgements acknowledgements;

	private final TrackingQueries trackings;

	private final AcknowledgementPages pages = new AcknowledgementPages(MAX_NAME, MAX_COMMENT);

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
			.orElseThrow(() -> ApiProblems.noteNotFound(claims.noteId()));
		return html(this.pages.confirmation(claims, tracking));
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
		return html(this.pages.acknowledged(acknowledge(token, acknowledgedBy, comment)));
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

	// The token is in the URL: keep it out of caches and Referer headers; the page runs no script.
	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
			.body(body);
	}

}
