package io.banshi.admin.errands;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The errand API: {@code POST /api/errands} plans and starts an errand, {@code GET
 * /api/errands/{id}} says where it stands, {@code POST .../confirm} answers its confirm,
 * {@code DELETE} cancels it and compensates its orders. A user sees and touches only
 * their own errands (others' are 404, as if they did not exist); ops and admins see all.
 */
@RestController
class ErrandController {

	static final String PATH = "/api/errands";

	static final int MAX_TEXT = 2000;

	private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private final ErrandService service;

	private final ErrandRepository errands;

	ErrandController(ErrandService service, ErrandRepository errands) {
		this.service = service;
		this.errands = errands;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ErrandRequests.Created> processCreateForm(@RequestBody(required = false) ErrandRequests.Create body,
			Authentication user) {
		if (body == null || body.text() == null || body.text().isBlank()) {
			throw ErrandException.badRequest("missing_text", "text",
					"text is required: the errand in one sentence, for example {\"text\": \"1分钟后提醒我喝水\"}");
		}
		if (body.text().length() > MAX_TEXT) {
			throw ErrandException.badRequest("text_too_long", "text",
					"text has " + body.text().length() + " characters; at most " + MAX_TEXT + " are accepted");
		}
		ZoneId zone;
		try {
			zone = (body.timezone() == null || body.timezone().isBlank()) ? DEFAULT_ZONE
					: ZoneId.of(body.timezone().strip());
		}
		catch (DateTimeException ex) {
			throw ErrandException.badRequest("unknown_timezone", "timezone",
					"'" + body.timezone() + "' is not a known time zone; expected an IANA name such as Asia/Shanghai");
		}
		OffsetDateTime now;
		try {
			now = parseNow(body.now(), zone);
		}
		catch (DateTimeParseException ex) {
			throw ErrandException.badRequest("invalid_now", "now", "'" + body.now()
					+ "' is not an ISO-8601 date-time; expected for example 2026-11-30T09:00:00+08:00");
		}
		ErrandService.Started started = this.service.start(user.getName(), body.text().strip(), now, zone);
		Errand errand = started.errand();
		return ResponseEntity.created(URI.create(PATH + "/" + errand.id()))
			.body(new ErrandRequests.Created(errand.id(), errand.status().value(), started.plan(),
					errand.processInstanceKey()));
	}

	@GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ErrandView showErrand(@PathVariable String id, Authentication user) {
		return this.service.view(visible(id, user));
	}

	@PostMapping(path = PATH + "/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
	ErrandView processConfirmForm(@PathVariable String id, @RequestBody(required = false) ErrandRequests.Confirm body,
			Authentication user) {
		Errand errand = visible(id, user);
		boolean decline = body != null && Boolean.TRUE.equals(body.decline());
		if (body == null || (body.option() == null && !decline)) {
			throw ErrandException.badRequest("missing_answer", "option",
					"say which option to take, {\"option\": 1}, or decline with {\"decline\": true}");
		}
		if (body.option() != null && decline) {
			throw ErrandException.badRequest("ambiguous_answer", "decline",
					"give either option or decline: true, not both");
		}
		return this.service.confirm(errand, decline ? null : body.option());
	}

	@DeleteMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ErrandView cancelErrand(@PathVariable String id, Authentication user) {
		return this.service.cancel(visible(id, user));
	}

	private Errand visible(String id, Authentication user) {
		Errand errand = this.errands.find(id).orElseThrow(() -> ErrandException.notFound(id));
		if (!errand.owner().equals(user.getName()) && !seesAll(user)) {
			throw ErrandException.notFound(id);
		}
		return errand;
	}

	static boolean seesAll(Authentication user) {
		return user.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_OPS")
					|| authority.getAuthority().equals("ROLE_ADMIN"));
	}

	private static OffsetDateTime parseNow(String now, ZoneId zone) {
		if (now == null || now.isBlank()) {
			return OffsetDateTime.now(zone);
		}
		String value = now.strip();
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
		}
	}

	@ExceptionHandler(ErrandException.class)
	ResponseEntity<ErrandError> refused(ErrandException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(ex.body());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrandError> unreadable(HttpMessageNotReadableException ex) {
		String detail = "the body must be a JSON object such as {\"text\": \"...\"} or {\"option\": 1}";
		String field = null;
		if (ex.getCause() instanceof JsonProcessingException json) {
			JsonLocation at = json.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
			if (json instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
					&& !mapping.getPath().isEmpty()) {
				field = mapping.getPath().get(0).getFieldName();
			}
			detail = json.getOriginalMessage() + where + "; " + detail;
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrandError(400, "malformed_json", field, detail, null, null, null, null));
	}

}
