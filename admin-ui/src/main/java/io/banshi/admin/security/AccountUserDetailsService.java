package io.banshi.admin.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts from the database for Spring Security.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.map((account) -> User.withUsername(account.username())
				.password(account.passwordHash())
				.disabled(!account.enabled())
				.roles(account.roles().stream().map(Role::name).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No account named " + username));
	}

}
