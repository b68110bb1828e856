package io.banshi.admin.browser;

import java.time.Duration;

import io.banshi.admin.console.ConsoleFixtures;
import io.banshi.admin.console.ConsoleFixtures.Process;
import io.banshi.db.TestDatabase;
import io.banshi.engine.query.EngineQueries;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops console in a real browser: log in, find the journeys in incident, open one and
 * see the incident on its diagram, retry it; screenshots of every console page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	CamundaClient client;

	@Autowired
	EngineQueries queries;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.create("console_browser")
			.springProperties()
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("banshi.admin-password", () -> ConsoleFixtures.ADMIN_PASSWORD);
	}

	@Test
	void shouldFindAJourneyInIncidentSeeItOnTheDiagramAndRetryIt() {
		// given: one journey in incident, one running
		Process process = ConsoleFixtures.deploy(this.client);
		ConsoleFixtures.start(this.client, process, "{\"customer\":\"alice\",\"amount\":120}");
		ConsoleFixtures.failJobs(this.client, process, 1, "card declined: insufficient funds");
		long running = ConsoleFixtures.start(this.client, process, "{\"customer\":\"bob\"}");
		long failing = ConsoleFixtures.until(() -> this.queries
			.incidents(io.banshi.engine.query.QueryFilter.any().withBpmnProcessId(process.processId()), 0, 1)
			.items()
			.stream()
			.findFirst()
			.map((incident) -> incident.processInstanceKey())
			.orElse(null));
		WebDriver page = logIn("en");

		// when: the list, filtered to incidents
		page.findElement(By.id("nav-journeys")).click();
		this.browser.screenshot("journeys");
		new Select(page.findElement(By.id("filter-state"))).selectByValue("INCIDENT");
		waitFor(page).until(ExpectedConditions.urlContains("state=INCIDENT"));
		waitFor(page).until(ExpectedConditions.attributeContains(By.id("count-incident"), "class", "current"));

		// then
		String rows = page.findElement(By.id("journeys")).getText();
		assertThat(rows).contains(String.valueOf(failing)).doesNotContain(String.valueOf(running));
		assertThat(rows).contains("card declined: insufficient funds");
		this.browser.screenshot("journeys-incidents");

		// when: the journey's page
		page.findElement(By.linkText(String.valueOf(failing))).click();
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));

		// then: bpmn-js drew the task with the incident marker and badge
		WebElement task = page.findElement(By.cssSelector("#diagram .djs-element[data-element-id='charge']"));
		assertThat(task.getAttribute("class")).contains("bj-incident");
		assertThat(page.findElements(By.cssSelector("#diagram .bj-incident-badge"))).hasSize(1);
		assertThat(page.findElement(By.cssSelector("#diagram .djs-element[data-element-id='start']"))
			.getAttribute("class")).contains("bj-done");
		assertThat(page.findElement(By.id("journey-state")).getText()).isEqualTo("Incident");
		this.browser.screenshot("journey-incident");
		((JavascriptExecutor) page).executeScript("document.getElementById('jobs').scrollIntoView()");
		assertThat(page.findElement(By.id("jobs")).getText()).contains("FAILED").contains("card declined");
		this.browser.screenshot("journey-incident-details");

		// when: retry
		page.findElement(By.id("retry")).click();

		// then
		assertThat(page.findElement(By.id("flash-done")).getText()).isEqualTo("Retried: the incident is resolved.");
		assertThat(page.findElement(By.id("journey-state")).getText()).isEqualTo("Running");
		assertThat(page.findElement(By.id("audit")).getText()).contains("RETRY").contains("admin");
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));
		assertThat(page.findElement(By.cssSelector("#diagram .djs-element[data-element-id='charge']"))
			.getAttribute("class")).contains("bj-active").doesNotContain("bj-incident");
		this.browser.screenshot("journey-retried");
	}

	@Test
	void shouldShowIncidentsStuckWorkAndTheDashboardInChinese() {
		// given
		Process process = ConsoleFixtures.deploy(this.client);
		for (int i = 0; i < 3; i++) {
			ConsoleFixtures.start(this.client, process, "{}");
		}
		ConsoleFixtures.failJobs(this.client, process, 2, "银行接口超时");
		WebDriver page = logIn("zh-CN");

		// when
		page.get(url("/incidents?waitingMinutes=0"));

		// then
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("故障与卡住的工作");
		assertThat(page.findElement(By.id("incident-groups")).getText()).contains("银行接口超时");
		this.browser.screenshot("incidents-zh");

		// when
		page.get(url("/dashboard"));
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-rendered", "true"));

		// then
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("仪表盘");
		this.browser.screenshot("dashboard-zh");

		// when
		page.get(url("/journeys?process=" + process.processId()));

		// then
		assertThat(page.findElement(By.id("count-incident")).getText()).contains("故障").contains("2");
		assertThat(page.findElement(By.id("count-running")).getText()).contains("运行中").contains("1");
		this.browser.screenshot("journeys-zh");

		// when: retry both in bulk
		page.findElement(By.id("count-incident")).click();
		waitFor(page).until(ExpectedConditions.urlContains("state=INCIDENT"));
		page.findElement(By.id("bulk-retry")).click();
		waitFor(page).until(ExpectedConditions.attributeToBe(By.id("progress"), "data-finished", "true"));

		// then
		assertThat(page.findElement(By.id("progress")).getText()).contains("已完成 2，失败 0，共 2");
		this.browser.screenshot("bulk-retry-zh");
	}

	private WebDriver logIn(String language) {
		WebDriver page = this.browser.driver(language);
		page.get(url("/login"));
		page.findElement(By.id("username")).sendKeys("admin");
		page.findElement(By.id("password")).sendKeys(ConsoleFixtures.adminPassword());
		page.findElement(By.id("login-submit")).click();
		waitFor(page).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-journeys")));
		return page;
	}

	private static WebDriverWait waitFor(WebDriver page) {
		return new WebDriverWait(page, Duration.ofSeconds(30));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
