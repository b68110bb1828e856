package io.banshi.admin;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text exists in English and in Chinese.
 */
class MessagesTest {

	@Test
	void shouldHaveEveryMessageKeyInBothLanguages() throws Exception {
		// given
		Set<String> english = keys("messages.properties");
		Set<String> chinese = keys("messages_zh_CN.properties");

		// then
		assertThat(english).isNotEmpty();
		assertThat(difference(english, chinese)).as("keys missing in messages_zh_CN.properties").isEmpty();
		assertThat(difference(chinese, english)).as("keys missing in messages.properties").isEmpty();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> keys(String resource) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
