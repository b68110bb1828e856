package io.banshi.admin.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.admin.TestAccounts;
import io.banshi.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errand page in a real browser, as a person with role USER uses it: say an errand,
 * see its plan and diagram, run it, watch it reach the confirm live (server-sent events,
 * no reload), pick a flight, see the order and the inbox message, clear the history.
 * Screenshots of each state go to {@code target/screenshots/errand-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrandBrowserTest {

	private static final String FLIGHT = "帮我订下周三去上海的机票并提醒我带充电器";

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("errand_browser")
			.springProperties()
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> "s3cret-for-errand-browser-tests");
	}

	@BeforeEach
	void accounts() {
		TestAccounts.create(this.dataSource, "USER", "ana", "ben");
	}

	@Test
	void shouldPlanRunFollowPickAndClearAnErrand() {
		// given: ana logs in and lands on the errand page
		WebDriver page = logIn("ana", "zh-CN");
		assertThat(page.getCurrentUrl()).endsWith("/errands");
		this.browser.screenshot("errand-1-start");

		// when: she says an errand
		page.findElement(By.id("errand-text")).sendKeys(FLIGHT);
		page.findElement(By.id("plan-submit")).click();
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));

		// then: the plan in words, what was understood, and its diagram; nothing runs yet
		assertThat(page.findElement(By.id("errand-text")).getText()).isEqualTo(FLIGHT);
		assertThat(page.findElement(By.id("slots")).getText()).contains("目的地").contains("上海").contains("充电器");
		assertThat(page.findElement(By.id("steps")).getText()).contains("查询机票")
			.contains("购买前请你选择")
			.contains("下单：机票")
			.contains("提醒你");
		String firstStep = page.findElement(By.cssSelector("#steps li")).getAttribute("data-step");
		assertThat(page.findElements(By.cssSelector("#diagram .djs-element[data-element-id='" + firstStep + "']")))
			.hasSize(1);
		assertThat(page.findElements(By.id("errand-status"))).isEmpty();
		this.browser.screenshot("errand-2-plan");

		// when: she runs it, and the page follows it without being loaded again
		page.findElement(By.id("run")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("errand-status")));
		((JavascriptExecutor) page).executeScript("window.banshiSamePage = true;");
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("live"), "data-status", "waiting_confirm"));

		// then: the confirm's flights, pushed live, with the waiting step marked on the
		// diagram
		assertThat(((JavascriptExecutor) page).executeScript("return window.banshiSamePage === true;")).isEqualTo(true);
		assertThat(text(page, By.id("errand-status"))).isEqualTo("等你选择");
		assertThat(text(page, By.cssSelector("#options tbody tr"))).contains("上海");
		assertThat(text(page, By.cssSelector("#options tbody tr td.price"))).isNotBlank();
		waitFor(page).until((driver) -> !page.findElement(By.id("diagram")).getAttribute("data-active").isEmpty());
		String waitingAt = page.findElement(By.id("diagram")).getAttribute("data-active");
		assertThat(page.findElement(By.cssSelector("#diagram .djs-element[data-element-id='" + waitingAt + "']"))
			.getAttribute("class")).contains("bj-active");
		this.browser.screenshot("errand-3-confirm");

		// when: she takes the first (cheapest) flight
		String cheapest = text(page, By.cssSelector("#options tbody tr td.price"));
		page.findElement(By.id("option-1")).click();
		page.findElement(By.id("pick")).click();

		// then: the order shows, and the inbox has the message that says so
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("orders")));
		waitFor(page).until((driver) -> text(driver, By.id("orders")).contains(cheapest));
		waitFor(page)
			.until((driver) -> !"0".equals(page.findElement(By.id("inbox-messages")).getAttribute("data-count")));
		assertThat(text(page, By.id("inbox-messages"))).contains("通知");
		this.browser.screenshot("errand-4-ordered");

		// when: her list of errands
		page.findElement(By.id("back")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("my-errands")));
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-messages")));

		// then: the errand is still running (its reminder is next week), the inbox shows
		// the notification
		assertThat(text(page, By.id("my-errands"))).contains(FLIGHT).contains("运行中");
		assertThat(text(page, By.id("inbox-messages"))).contains("通知");
		this.browser.screenshot("errand-5-list");

		// when: she clears her history, confirming when asked
		page.findElement(By.id("clear-history")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("clear-confirm")));
		assertThat(page.findElement(By.id("clear-deletes")).getText()).contains("对话");
		this.browser.screenshot("errand-6-clear-asked");
		page.findElement(By.id("clear-confirm")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-cleared")));

		// then: what was cleared is said; the sentence is gone; the errand still runs
		assertThat(page.findElement(By.id("flash-cleared")).getText()).contains("对话记忆").contains("正在运行的事务继续运行");
		assertThat(page.findElement(By.id("my-errands")).getText()).doesNotContain(FLIGHT)
			.contains("原话已清除")
			.contains("运行中");
		this.browser.screenshot("errand-7-cleared");
	}

	@Test
	void shouldShowNoOneElseAnErrandPageOrItsStream() throws Exception {
		// given: ana's errand, said through the API
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/errands")))
				.header("Authorization", TestAccounts.basic("ana", "ana"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + FLIGHT + "\"}", StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = new ObjectMapper().readTree(created.body()).path("id").asText();
		WebDriver page = logIn("ben", "en");

		// when
		page.get(url("/errands/" + id));

		// then
		assertThat(page.getPageSource()).contains("404").doesNotContain("上海").doesNotContain("充电器");
		this.browser.screenshot("errand-8-not-yours");

		// when: the stream, as the page's script would open it
		Object status = ((JavascriptExecutor) page).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { done(r.status); });",
				"/errands/" + id + "/events");

		// then
		assertThat(((Number) status).intValue()).isEqualTo(404);
		page.get(url("/errands"));
		assertThat(page.findElement(By.id("my-errands")).getText()).doesNotContain(FLIGHT);
	}

	/**
	 * Reads an element's text; when the part of the page holding it was replaced while
	 * reading, reads it again from the new one.
	 */
	private static String text(WebDriver page, By element) {
		return waitFor(page).until((driver) -> driver.findElement(element).getText());
	}

	private WebDriver logIn(String user, String language) {
		WebDriver page = this.browser.driver(language);
		page.get(url("/login"));
		page.findElement(By.id("username")).sendKeys(user);
		page.findElement(By.id("password")).sendKeys(user);
		page.findElement(By.id("login-submit")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("plan-form")));
		return page;
	}

	/**
	 * Waits for the page; the bound only keeps a broken build from hanging (an errand
	 * runs through the engine and job workers, slower on a busy machine). The live part
	 * of the page is replaced whenever the errand changes, so an element found a moment
	 * ago may be gone: the condition is then tried again.
	 */
	private static WebDriverWait waitFor(WebDriver page) {
		WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
