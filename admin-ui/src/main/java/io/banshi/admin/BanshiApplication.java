package io.banshi.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Banshi platform: console and errand pages, REST API and security, assembled with
 * the engine, the planner and the workers. With no configuration it runs on an embedded
 * H2 database under {@code banshi.data-dir}.
 */
@SpringBootApplication(scanBasePackages = "io.banshi")
public class BanshiApplication {

	public static void main(String[] args) {
		SpringApplication.run(BanshiApplication.class, args);
	}

}
