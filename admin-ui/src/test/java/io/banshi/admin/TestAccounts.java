package io.banshi.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.sql.DataSource;

import io.banshi.db.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

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
	 * Creates accounts whose password is their name, unless they exist.
	 * @param dataSource the application's database
	 * @param role the role each gets ({@code USER}, {@code OPS}, ...)
	 * @param names the user names
	 */
	public static void create(DataSource dataSource, String role, String... names) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String name : names) {
			if (jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, name) == 0) {
				jdbc.update("INSERT INTO app_user (username, password_hash, enabled) VALUES (?, ?, TRUE)", name,
						"{noop}" + name);
				long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, name);
				jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)", id, role);
			}
		}
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
