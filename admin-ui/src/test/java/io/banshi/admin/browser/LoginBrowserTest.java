package io.banshi.admin.browser;

import io.banshi.admin.TestAccounts;
import io.banshi.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in and out as a person does, in a real browser, in English and Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserTest {

	private static final String ADMIN_PASSWORD = "browser-admin-secret";

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("login_browser").springProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ADMIN_PASSWORD);
	}

	@Test
	void shouldLogInAndOutInEnglish() {
		// given
		WebDriver page = this.browser.driver("en");
		page.get(url("/"));
		this.browser.screenshot("login");

		// when
		page.findElement(By.id("username")).sendKeys("admin");
		page.findElement(By.id("password")).sendKeys(adminPassword());
		page.findElement(By.id("login-submit")).click();

		// then
		this.browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, admin"));
		this.browser.screenshot("home");
		page.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		this.browser.waitUntil(ExpectedConditions.urlContains("/login?logout"));
		assertThat(page.findElement(By.className("info")).getText()).isEqualTo("You have logged out.");
	}

	@Test
	void shouldRefuseAWrongPasswordInChinese() {
		// given
		WebDriver page = this.browser.driver("zh-CN");
		page.get(url("/login"));

		// when
		page.findElement(By.id("username")).sendKeys("admin");
		page.findElement(By.id("password")).sendKeys("wrong");
		page.findElement(By.id("login-submit")).click();

		// then
		this.browser.waitUntil(ExpectedConditions.urlContains("/login?error"));
		assertThat(page.findElement(By.className("error")).getText()).isEqualTo("用户名或密码错误。");
		this.browser.screenshot("login-failed-zh");
	}

	private String adminPassword() {
		return TestAccounts.adminPassword(ADMIN_PASSWORD);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
