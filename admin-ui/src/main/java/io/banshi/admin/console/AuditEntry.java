package io.banshi.admin.console;

/**
 * One action someone took in the console.
 *
 * @param id the entry's id
 * @param createdAt when, epoch milliseconds
 * @param actor who
 * @param action what (RETRY, SET_VARIABLES, CANCEL, BULK_RETRY, ...)
 * @param targetType what kind of thing it was done to (JOURNEY, INCIDENT, BULK)
 * @param targetKey the thing's key
 * @param detail the request, for example the variables set
 * @param outcome OK or FAILED
 * @param message why it failed, or {@code null}
 */
public record AuditEntry(long id, long createdAt, String actor, String action, String targetType, long targetKey,
		String detail, String outcome, String message) {

	/** The outcome of an action that did what was asked. */
	public static final String OK = "OK";

	/** The outcome of an action the engine refused or that broke. */
	public static final String FAILED = "FAILED";

	/**
	 * Whether the action did what was asked.
	 * @return {@code true} when the outcome is OK
	 */
	public boolean succeeded() {
		return OK.equals(this.outcome);
	}

}
