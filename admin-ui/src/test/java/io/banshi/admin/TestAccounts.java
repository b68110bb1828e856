package io.banshi.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.banshi.db.TestDatabase;

/**
 * The accounts a test application starts with: on embedded H2 the seeded demo accounts
 * ({@code admin/admin}, ...), on MySQL/MariaDB only {@code admin} with the password the
 * test configured as {@code banshi.admin-password}.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	/**
	 * Returns the password of the account {@code admin} in this test run.
	 * @param configured the password the test set as {@code banshi.admin-password}
	 * @return {@code admin} on H2, else the configured password
	 */
	public static String adminPassword(String configured) {
		return (TestDatabase.configuredKind() == TestDatabase.Kind.H2) ? "admin" : configured;
	}

	/**
	 * Returns an HTTP basic {@code Authorization} header value.
	 * @param user the user name
	 * @param password the password
	 * @return {@code Basic <base64>}
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
