package io.banshi.admin.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs), driven through WebDriver, for tests that use the pages as a
 * person does. Screenshots go to {@code admin-ui/target/screenshots/}.
 *
 * <p>
 * Never downloads a browser or a driver: the binaries come from {@code BANSHI_CHROMIUM}
 * and {@code BANSHI_CHROMEDRIVER} (defaults {@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}); when they are missing the test fails and says how to
 * install them.
 */
public final class Browser implements AfterEachCallback {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private WebDriver driver;

	/**
	 * Returns the browser, starting it on first use.
	 * @param language the {@code Accept-Language} the browser sends, for example
	 * {@code en} or {@code zh-CN}
	 * @return the driver
	 */
	public WebDriver driver(String language) {
		if (this.driver == null) {
			this.driver = start(language);
		}
		return this.driver;
	}

	/**
	 * Waits up to ten seconds for a condition of the page, for example that a navigation
	 * has finished: a click returns before the page it leads to has loaded, and the
	 * machine may be busy.
	 * @param <T> what the condition gives when it holds
	 * @param condition the condition
	 * @return what the condition gave
	 */
	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(condition);
	}

	/**
	 * Saves a screenshot of the current page as {@code target/screenshots/<name>.png}.
	 * @param name the file name without extension
	 * @return the file written
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	private static WebDriver start(String language) {
		Path chromium = Path.of(env("BANSHI_CHROMIUM", "/usr/bin/chromium"));
		Path chromedriver = Path.of(env("BANSHI_CHROMEDRIVER", "/usr/bin/chromedriver"));
		if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
			throw new IllegalStateException("Browser tests need Chromium at " + chromium + " and ChromeDriver at "
					+ chromedriver + ": apt-get install chromium chromium-driver (as .ci/run does)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		// The flags keep a headless Chromium off the network it would otherwise try to
		// reach at start.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=" + language);
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
