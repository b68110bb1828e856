package io.banshi.admin.errands;

/**
 * What was wrong with a request to {@code POST /api/errands/plan} (HTTP 400).
 *
 * @param status the HTTP status
 * @param error a short name of the problem
 * @param field the request field that is wrong ({@code now}, {@code timezone}), or
 * {@code null} when the body as a whole is
 * @param location where in the body, for malformed JSON ("line 1, column 17"), or
 * {@code null}
 * @param message what is wrong and what is expected
 */
record PlanErrandError(int status, String error, String field, String location, String message) {

}
