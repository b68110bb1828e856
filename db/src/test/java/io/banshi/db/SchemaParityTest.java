package io.banshi.db;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same migrations give the same tables and columns on H2 (MySQL mode) and on MariaDB.
 * Needs a MariaDB server, so it runs in the {@code mariadb} profile (which
 * {@code .ci/run} always runs) and is excluded from the H2-only run by its tag.
 */
@Tag("mariadb-only")
class SchemaParityTest {

	@Test
	void shouldCreateTheSameTablesAndColumnsOnH2AndMariaDb() throws Exception {
		// given
		TestDatabase h2 = TestDatabase.create(TestDatabase.Kind.H2, "parity").migrated();
		TestDatabase mariadb = TestDatabase.create(TestDatabase.Kind.MARIADB, "parity").migrated();

		// when
		SchemaSnapshot onH2;
		SchemaSnapshot onMariaDb;
		try (HikariDataSource h2Source = h2.dataSource(); HikariDataSource mariaSource = mariadb.dataSource()) {
			onH2 = SchemaSnapshot.read(h2Source);
			onMariaDb = SchemaSnapshot.read(mariaSource);
		}

		// then
		assertThat(onH2.tables()).isNotEmpty();
		assertThat(onMariaDb.tables().keySet()).containsExactlyElementsOf(onH2.tables().keySet());
		onH2.tables()
			.forEach((table, columns) -> assertThat(onMariaDb.tables().get(table)).as("columns of " + table)
				.containsExactlyInAnyOrderEntriesOf(columns));
	}

}
