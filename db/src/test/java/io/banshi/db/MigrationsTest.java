package io.banshi.db;

import java.util.List;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations apply to the configured test database (H2, or MariaDB with
 * {@code -Pmariadb}) and every table they create follows the naming scheme of
 * {@code db/README.md}.
 */
class MigrationsTest {

	/** The area prefixes of db/README.md. */
	private static final Pattern TABLE_NAME = Pattern
		.compile("(eng_def|eng_run|eng_hist|app|plan|sbx|spring_ai)_[a-z0-9_]+");

	@Test
	void shouldApplyEveryMigrationToAnEmptyDatabase() throws Exception {
		// given
		TestDatabase database = TestDatabase.create("migrations");
		try (HikariDataSource dataSource = database.dataSource()) {
			// when
			MigrateResult result = BanshiDatabase.migrate(dataSource);

			// then
			assertThat(result.success).isTrue();
			assertThat(result.migrationsExecuted).isPositive();
			assertThat(SchemaSnapshot.read(dataSource).tables()).containsKeys("app_user", "app_user_role");
		}
	}

	@Test
	void shouldDoNothingWhenMigratedTwice() {
		// given
		TestDatabase database = TestDatabase.create("migrations_twice").migrated();
		try (HikariDataSource dataSource = database.dataSource()) {
			// when
			MigrateResult again = BanshiDatabase.migrate(dataSource);

			// then
			assertThat(again.migrationsExecuted).isZero();
		}
	}

	@Test
	void shouldNameEveryTableWithAnAreaPrefix() throws Exception {
		// given
		TestDatabase database = TestDatabase.create("naming").migrated();
		try (HikariDataSource dataSource = database.dataSource()) {
			// when
			List<String> offending = SchemaSnapshot.read(dataSource)
				.tables()
				.keySet()
				.stream()
				.filter((table) -> !TABLE_NAME.matcher(table).matches())
				.toList();

			// then
			assertThat(offending).as("tables outside the naming scheme of db/README.md").isEmpty();
		}
	}

}
