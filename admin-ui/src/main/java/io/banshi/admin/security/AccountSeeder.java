package io.banshi.admin.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first accounts when the database has none.
 *
 * <p>
 * On the embedded H2 database (a laptop, a demo) it creates one demo account per role
 * with the role's name as password, and says so in the log. On MySQL no default password
 * ever exists: it creates the account {@code admin} with the password from
 * {@code BANSHI_ADMIN_PASSWORD} ({@code banshi.admin-password}) or, when that is not set,
 * a random one that it prints once. Runs before the web server accepts requests.
 */
@Component
class AccountSeeder implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(AccountSeeder.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final DataSource dataSource;

	private final String adminPassword;

	AccountSeeder(AccountRepository accounts, PasswordEncoder passwordEncoder, DataSource dataSource,
			@Value("${banshi.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.dataSource = dataSource;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		seedIfEmpty(isEmbedded());
	}

	/**
	 * Seeds the first accounts when there are none.
	 * @param embedded whether the database is the embedded H2 one
	 * @return the accounts created, as {@code username -> password}; empty when accounts
	 * existed
	 */
	Map<String, String> seedIfEmpty(boolean embedded) {
		if (this.accounts.countAccounts() > 0) {
			return Map.of();
		}
		Map<String, String> created = new LinkedHashMap<>();
		if (embedded) {
			create("demo", "demo", Role.USER, created);
			create("ops", "ops", Role.OPS, created);
			create("analyst", "analyst", Role.ANALYST, created);
			create("merchant", "merchant", Role.MERCHANT, created);
			create("admin", "admin", Role.ADMIN, created);
			logger
				.warn("First start on the embedded H2 database: created demo accounts demo/demo (USER), ops/ops (OPS), "
						+ "analyst/analyst (ANALYST), merchant/merchant (MERCHANT) and admin/admin (ADMIN). "
						+ "They exist only on the embedded database; never use it in production.");
			return created;
		}
		boolean generated = this.adminPassword.isBlank();
		String password = generated ? randomPassword() : this.adminPassword;
		create("admin", password, Role.ADMIN, created);
		if (generated) {
			logger.warn("First start: created account 'admin' with the generated password {} (shown only this once; "
					+ "set BANSHI_ADMIN_PASSWORD before the first start to choose it).", password);
		}
		else {
			logger.info("First start: created account 'admin' with the password from BANSHI_ADMIN_PASSWORD.");
		}
		return created;
	}

	private void create(String username, String password, Role role, Map<String, String> created) {
		this.accounts.create(username, this.passwordEncoder.encode(password), Set.of(role));
		created.put(username, password);
	}

	private boolean isEmbedded() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database this is: " + ex.getMessage(), ex);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
