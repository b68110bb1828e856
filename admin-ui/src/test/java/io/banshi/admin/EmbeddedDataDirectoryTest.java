package io.banshi.admin;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured the application keeps its data in an H2 file under
 * {@code banshi.data-dir}, and a second start finds what the first left.
 */
class EmbeddedDataDirectoryTest {

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepDataInTheDataDirectoryAcrossRestarts() {
		// given: a first start that seeds the demo accounts and gains one more
		try (ConfigurableApplicationContext first = start()) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(5);
			jdbc.update("INSERT INTO app_user (username, password_hash) VALUES ('added', '{noop}x')");
		}

		// when
		try (ConfigurableApplicationContext second = start()) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

			// then
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(6);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'demo'", Integer.class))
				.isEqualTo(1);
		}
		assertThat(Files.exists(this.dataDir.resolve("banshi.mv.db"))).isTrue();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BanshiApplication.class).run("--server.port=0",
				"--banshi.data-dir=" + this.dataDir);
	}

}
