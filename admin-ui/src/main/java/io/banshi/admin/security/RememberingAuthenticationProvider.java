package io.banshi.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a short while, which user name and password pairs were just verified, so
 * that an API client sending HTTP basic credentials with every request pays for one
 * BCrypt check per minute instead of one per request (a BCrypt check costs tens of
 * milliseconds by design).
 *
 * <p>
 * Only a SHA-256 digest of the pair is kept, never the password. An entry lives for
 * {@link #TTL}; a changed password or a disabled account therefore takes effect within
 * that time. Failed attempts are never remembered.
 */
class RememberingAuthenticationProvider implements AuthenticationProvider {

	static final Duration TTL = Duration.ofSeconds(60);

	private static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider delegate;

	private final Clock clock;

	private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

	RememberingAuthenticationProvider(AuthenticationProvider delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String key = digest(authentication.getName(), String.valueOf(authentication.getCredentials()));
		Instant now = this.clock.instant();
		Remembered remembered = this.verified.get(key);
		if (remembered != null && remembered.until().isAfter(now)) {
			return remembered.authentication();
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.values().removeIf((entry) -> !entry.until().isAfter(now));
			}
			if (this.verified.size() < MAX_ENTRIES) {
				this.verified.put(key, new Remembered(result, now.plus(TTL)));
			}
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String digest(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(username.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record Remembered(Authentication authentication, Instant until) {

	}

}
