package io.banshi.admin.errands;

import org.springframework.http.HttpStatus;

/**
 * Why an errand request was not done, with the HTTP status it answers.
 */
class ErrandException extends RuntimeException {

	private final HttpStatus status;

	private final ErrandError body;

	private ErrandException(HttpStatus status, ErrandError body) {
		super(body.message());
		this.status = status;
		this.body = body;
	}

	static ErrandException clarify(String question) {
		return new ErrandException(HttpStatus.UNPROCESSABLE_ENTITY,
				new ErrandError(422, "clarify", null, question, "clarify", question, null, null));
	}

	static ErrandException refuse(String reason) {
		return new ErrandException(HttpStatus.UNPROCESSABLE_ENTITY,
				new ErrandError(422, "refuse", null, reason, "refuse", null, reason, null));
	}

	static ErrandException badRequest(String error, String field, String message) {
		return new ErrandException(HttpStatus.BAD_REQUEST,
				new ErrandError(400, error, field, message, null, null, null, null));
	}

	static ErrandException conflict(String error, String message) {
		return new ErrandException(HttpStatus.CONFLICT,
				new ErrandError(409, error, null, message, null, null, null, null));
	}

	static ErrandException notFound(String id) {
		return new ErrandException(HttpStatus.NOT_FOUND,
				new ErrandError(404, "not_found", null, "There is no errand " + id, null, null, null, null));
	}

	static ErrandException unavailable(String error, String message) {
		return new ErrandException(HttpStatus.SERVICE_UNAVAILABLE,
				new ErrandError(503, error, null, message, null, null, null, null));
	}

	ErrandException forErrand(String id) {
		return new ErrandException(this.status,
				new ErrandError(this.body.status(), this.body.error(), this.body.field(), this.body.message(),
						this.body.outcome(), this.body.question(), this.body.reason(), id));
	}

	HttpStatus status() {
		return this.status;
	}

	ErrandError body() {
		return this.body;
	}

}
