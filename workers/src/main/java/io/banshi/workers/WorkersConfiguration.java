package io.banshi.workers;

import io.banshi.workflows.catalog.CapabilityCatalog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the plugin layer needs from outside it. The capability catalog is shared with
 * the planner: whichever module declares it, there must be exactly one, so that
 * capabilities registered by third-party plugins are seen by the planner too.
 */
@Configuration(proxyBeanMethods = false)
public class WorkersConfiguration {

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
