package io.banshi.admin.security;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.banshi.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSeederTest {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private HikariDataSource dataSource;

	private AccountRepository accounts;

	@BeforeEach
	void database() {
		this.dataSource = TestDatabase.create("seeder").migrated().dataSource();
		this.accounts = new AccountRepository(new JdbcTemplate(this.dataSource));
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void shouldSeedOneDemoAccountPerRoleOnTheEmbeddedDatabase() {
		// when
		Map<String, String> created = seeder("").seedIfEmpty(true);

		// then
		assertThat(created).containsOnlyKeys("demo", "ops", "analyst", "merchant", "admin");
		assertThat(this.accounts.findByUsername("demo").orElseThrow().roles()).containsExactly(Role.USER);
		assertThat(this.accounts.findByUsername("merchant").orElseThrow().roles()).containsExactly(Role.MERCHANT);
		assertThat(this.encoder.matches("ops", this.accounts.findByUsername("ops").orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void shouldCreateOnlyAnAdminWithTheConfiguredPasswordOnMySql() {
		// when
		Map<String, String> created = seeder("chosen-by-the-operator").seedIfEmpty(false);

		// then
		assertThat(created).containsOnlyKeys("admin");
		assertThat(this.accounts.findByUsername("demo")).isEmpty();
		AccountRepository.Account admin = this.accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(this.encoder.matches("chosen-by-the-operator", admin.passwordHash())).isTrue();
		assertThat(this.encoder.matches("admin", admin.passwordHash())).isFalse();
	}

	@Test
	void shouldGenerateAStrongAdminPasswordWhenNoneIsConfigured() {
		// when
		Map<String, String> created = seeder(" ").seedIfEmpty(false);

		// then
		String generated = created.get("admin");
		assertThat(generated).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
		assertThat(this.encoder.matches(generated, this.accounts.findByUsername("admin").orElseThrow().passwordHash()))
			.isTrue();
	}

	@Test
	void shouldSeedNothingWhenAccountsExist() {
		// given
		seeder("").seedIfEmpty(true);

		// when
		Map<String, String> again = seeder("").seedIfEmpty(true);

		// then
		assertThat(again).isEmpty();
		assertThat(this.accounts.countAccounts()).isEqualTo(5);
	}

	private AccountSeeder seeder(String adminPassword) {
		return new AccountSeeder(this.accounts, this.encoder, this.dataSource, adminPassword);
	}

}
