package io.banshi.admin.errands;

/**
 * What the errand API answers when it does not do what was asked. Absent fields are left
 * out of the JSON.
 *
 * @param status the HTTP status
 * @param error a short name of the problem ({@code clarify}, {@code refuse},
 * {@code missing_text}, {@code not_waiting}, ...)
 * @param field the request field that is wrong, or {@code null}
 * @param message what is wrong, in words
 * @param outcome {@code clarify} or {@code refuse} when the sentence could not be planned
 * @param question what to ask the person, for {@code clarify}
 * @param reason why not, for {@code refuse}
 * @param id the errand, when one was recorded (an errand the engine would not run)
 */
record ErrandError(int status, String error, String field, String message, String outcome, String question,
		String reason, String id) {

}
