package io.banshi.admin.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what: HTTP basic for the REST API under {@code /api/**} (stateless, no
 * CSRF token since no cookie authenticates it), form login with CSRF protection for the
 * pages, {@code /actuator/health} and the login page open to all; the ops console
 * ({@code /journeys}, {@code /incidents}, {@code /dashboard}) for OPS and ADMIN only; the
 * errand page ({@code /errands}) for anyone logged in, each seeing only their own.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
		checked.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new RememberingAuthenticationProvider(checked, Clock.systemUTC()));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		// Without naming it here, HTTP basic gets Spring Boot's global manager and runs
		// BCrypt on every request instead of remembering recent checks.
		return http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests((requests) -> requests
				// Registering a plugin makes the server connect to a URL it is given:
				// admins only.
				.requestMatchers("/api/plugins", "/api/plugins/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		return http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((requests) -> requests
				// An errand's event stream ends in an async dispatch of a request that
				// was
				// authorized when it came in.
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/images/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				// The ops console: journeys, incidents and stuck work, the dashboard.
				.requestMatchers("/journeys/**", "/incidents/**", "/dashboard/**")
				.hasAnyRole(Role.OPS.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.build();
	}

}
