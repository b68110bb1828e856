package io.banshi.workflows.offline;

import io.banshi.workflows.catalog.CapabilityCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the offline planner a bean: the planner used when no model is configured, and the
 * one a model planner falls back to. Not primary, so that a model planner can be.
 */
@Configuration(proxyBeanMethods = false)
class OfflinePlannerConfiguration {

	@Bean
	OfflinePlanner offlinePlanner(ObjectProvider<CapabilityCatalog> catalog) {
		return new OfflinePlanner(catalog.getIfAvailable(CapabilityCatalog::builtIn));
	}

}
