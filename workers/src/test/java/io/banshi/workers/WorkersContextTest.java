package io.banshi.workers;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.banshi.db.TestDatabase;
import io.banshi.workers.jobs.StepHandler;
import io.banshi.workers.mcp.McpPluginRegistrar;
import io.banshi.workers.plugin.PluginRegistry;
import io.banshi.workflows.catalog.CapabilityCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin layer starts as Spring beans with nothing but a database: no engine, no MCP
 * server.
 */
class WorkersContextTest {

	/** Scans the workers as the application does: auto-configurations left out. */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "io.banshi.workers",
			excludeFilters = @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
	static class Workers {

	}

	/** A module declaring the catalog itself, as the planner may. */
	@Configuration(proxyBeanMethods = false)
	static class PlannerCatalog {

		static final CapabilityCatalog CATALOG = CapabilityCatalog.builtIn();

		@Bean
		CapabilityCatalog plannersCatalog() {
			return CATALOG;
		}

	}

	@Test
	void shouldStartWithOnlyADatabase() {
		// given
		try (HikariDataSource dataSource = TestDatabase.create("context").migrated().dataSource()) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
						WorkersAutoConfiguration.class))
				.withBean(DataSource.class, () -> dataSource)
				.withUserConfiguration(Workers.class);

			// when / then
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(CapabilityCatalog.class).hasSingleBean(McpPluginRegistrar.class);
				PluginRegistry registry = context.getBean(PluginRegistry.class);
				assertThat(registry.plugins()).hasSize(13);
				assertThat(context.getBeansOfType(StepHandler.class).values()).extracting(StepHandler::jobType)
					.containsExactlyInAnyOrder("query", "compare", "confirm", "order", "remind", "notify");
				context.getBean(CapabilityCatalog.class)
					.all()
					.forEach((capability) -> assertThat(registry.pluginsFor(capability.name())).isNotEmpty());
			});
		}
	}

	@Test
	void shouldUseTheApplicationsCatalogWhenItHasOne() {
		// given
		try (HikariDataSource dataSource = TestDatabase.create("context_catalog").migrated().dataSource()) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(WorkersAutoConfiguration.class))
				.withBean(DataSource.class, () -> dataSource)
				.withUserConfiguration(Workers.class, PlannerCatalog.class);

			// when / then
			runner.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CapabilityCatalog.class);
				assertThat(context.getBean(PluginRegistry.class).catalog()).isSameAs(PlannerCatalog.CATALOG);
			});
		}
	}

}
