package io.banshi.workers;

import io.banshi.workflows.catalog.CapabilityCatalog;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The beans the plugin layer needs from outside it. The capability catalog is shared with
 * the planner: there must be exactly one, so that capabilities registered by third-party
 * plugins are seen by the planner too. This is an auto-configuration (listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}, left out of component scans) so
 * that it is processed after the application's own configuration and adds the catalog
 * only when no other module declared one.
 */
@AutoConfiguration
public class WorkersAutoConfiguration {

	/**
	 * The capability catalog, unless the application declares one.
	 * @return the built-in catalog
	 */
	@Bean
	@ConditionalOnMissingBean
	public CapabilityCatalog capabilityCatalog() {
		return CapabilityCatalog.builtIn();
	}

}
