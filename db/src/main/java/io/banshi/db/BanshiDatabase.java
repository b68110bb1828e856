package io.banshi.db;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one schema of Banshi: where its migrations live and how a database is brought up to
 * date.
 *
 * <p>
 * Every table is created or changed only by the Flyway migrations under
 * {@value #MIGRATIONS_LOCATION}; the same files run on MySQL/MariaDB and on H2 in MySQL
 * mode. See {@code db/README.md} for the table naming scheme.
 */
public final class BanshiDatabase {

	/** The classpath location of the migrations. */
	public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

	/**
	 * The options every embedded H2 URL carries: MySQL compatibility, lower-case
	 * identifiers as MySQL on Linux reports them, and no automatic close while the
	 * application still runs.
	 */
	public static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
			+ ";NON_KEYWORDS=VALUE";

	private BanshiDatabase() {
	}

	/**
	 * Returns the JDBC URL of the embedded H2 file database kept in the given data
	 * directory.
	 * @param dataDir the data directory ({@code banshi.data-dir}, default {@code ./data})
	 * @return a JDBC URL for H2 in MySQL mode
	 */
	public static String embeddedUrl(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("banshi") + H2_OPTIONS
				+ ";DB_CLOSE_ON_EXIT=FALSE";
	}

	/**
	 * Applies every pending migration to the database.
	 * @param dataSource the database to migrate
	 * @return what Flyway did
	 */
	public static MigrateResult migrate(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS_LOCATION).load().migrate();
	}

}
