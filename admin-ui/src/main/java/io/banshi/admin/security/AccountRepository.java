package io.banshi.admin.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL for accounts ({@code app_user}, {@code app_user_role}), in one place.
 */
@Repository
class AccountRepository {

	private static final String COUNT_USERS = "SELECT COUNT(*) FROM app_user";

	private static final String FIND_USER = "SELECT id, username, password_hash, enabled FROM app_user WHERE username = ?";

	private static final String FIND_ROLES = "SELECT role FROM app_user_role WHERE user_id = ? ORDER BY role";

	private static final String INSERT_USER = "INSERT INTO app_user (username, password_hash, display_name, enabled) VALUES (?, ?, ?, TRUE)";

	private static final String INSERT_ROLE = "INSERT INTO app_user_role (user_id, role) VALUES (?, ?)";

	private final JdbcTemplate jdbc;

	AccountRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long countAccounts() {
		Long count = this.jdbc.queryForObject(COUNT_USERS, Long.class);
		return (count != null) ? count : 0;
	}

	Optional<Account> findByUsername(String username) {
		List<Account> found = this.jdbc.query(FIND_USER, (rs, row) -> new Account(rs.getLong("id"),
				rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("enabled"), Set.of()), username);
		return found.stream()
			.findFirst()
			.map((account) -> account.withRoles(Set
				.copyOf(this.jdbc.query(FIND_ROLES, (rs, row) -> Role.valueOf(rs.getString("role")), account.id()))));
	}

	@Transactional
	void create(String username, String passwordHash, Set<Role> roles) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(INSERT_USER, new String[] { "id" });
			statement.setString(1, username);
			statement.setString(2, passwordHash);
			statement.setString(3, username);
			return statement;
		}, keys);
		long id = keys.getKey().longValue();
		for (Role role : roles) {
			this.jdbc.update(INSERT_ROLE, id, role.name());
		}
	}

	/**
	 * One row of {@code app_user} with its roles.
	 */
	record Account(long id, String username, String passwordHash, boolean enabled, Set<Role> roles) {

		Account withRoles(Set<Role> roles) {
			return new Account(this.id, this.username, this.passwordHash, this.enabled, roles);
		}

	}

}
