package io.banshi.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The databases the database-bound tests run on: H2 in MySQL mode by default,
 * MariaDB/MySQL when the build runs with {@code -Pmariadb} (system property
 * {@code banshi.test.db=mariadb}).
 *
 * <p>
 * Each call to {@link #create(String)} gives a new, empty database, so tests never see
 * each other's rows. On MariaDB the connection comes from {@code BANSHI_TEST_MARIADB_URL}
 * (a server URL without a database, default {@code jdbc:mysql://127.0.0.1:3306/}),
 * {@code BANSHI_TEST_MARIADB_USER} and {@code BANSHI_TEST_MARIADB_PASSWORD} (default
 * {@code banshi}/{@code banshi}); the user needs the right to create databases. When
 * MariaDB was asked for and cannot be reached the test fails: it never falls back to H2
 * silently.
 */
public final class TestDatabase {

	/** The kinds of database the tests can run on. */
	public enum Kind {

		H2, MARIADB

	}

	private final Kind kind;

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(Kind kind, String url, String username, String password) {
		this.kind = kind;
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/**
	 * Returns the kind of database this test run uses.
	 * @return {@link Kind#MARIADB} when {@code banshi.test.db=mariadb}, else
	 * {@link Kind#H2}
	 */
	public static Kind configuredKind() {
		String value = System.getProperty("banshi.test.db", System.getenv().getOrDefault("BANSHI_TEST_DB", "h2"));
		return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * Creates a new empty database of the configured kind.
	 * @param purpose a short word naming what the database is for; it becomes part of its
	 * name
	 * @return the new database (not yet migrated)
	 */
	public static TestDatabase create(String purpose) {
		return create(configuredKind(), purpose);
	}

	/**
	 * Creates a new empty database of the given kind.
	 * @param kind which database server
	 * @param purpose a short word naming what the database is for; it becomes part of its
	 * name
	 * @return the new database (not yet migrated)
	 */
	public static TestDatabase create(Kind kind, String purpose) {
		String name = ("bt_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		if (kind == Kind.H2) {
			return new TestDatabase(kind, "jdbc:h2:mem:" + name + BanshiDatabase.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
					"sa", "");
		}
		String server = env("BANSHI_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
		String user = env("BANSHI_TEST_MARIADB_USER", "banshi");
		String password = env("BANSHI_TEST_MARIADB_PASSWORD", "banshi");
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"MariaDB was asked for (banshi.test.db=mariadb) but " + server + " could not create a database: "
							+ ex.getMessage() + ". Start MariaDB as .ci/run does, or run without -Pmariadb.",
					ex);
		}
		String separator = server.endsWith("/") ? "" : "/";
		return new TestDatabase(kind, server + separator + name
				+ "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
				user, password);
	}

	/**
	 * Returns the kind of this database.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the JDBC URL of this database.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Returns the user name to connect with.
	 * @return the user name
	 */
	public String username() {
		return this.username;
	}

	/**
	 * Returns the password to connect with.
	 * @return the password
	 */
	public String password() {
		return this.password;
	}

	/**
	 * Returns a new connection pool on this database; close it when done.
	 * @return a pooled data source
	 */
	public HikariDataSource dataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.url);
		config.setUsername(this.username);
		config.setPassword(this.password);
		config.setMaximumPoolSize(8);
		return new HikariDataSource(config);
	}

	/**
	 * Returns the Spring Boot properties that point an application at this database.
	 * @return {@code spring.datasource.*} properties
	 */
	public Map<String, String> springProperties() {
		return Map.of("spring.datasource.url", this.url, "spring.datasource.username", this.username,
				"spring.datasource.password", this.password);
	}

	/**
	 * Applies the migrations to this database.
	 * @return this database
	 */
	public TestDatabase migrated() {
		try (HikariDataSource dataSource = dataSource()) {
			BanshiDatabase.migrate(dataSource);
		}
		return this;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	@Override
	public String toString() {
		return this.kind + " " + this.url;
	}

}
