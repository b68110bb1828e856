package io.banshi.workflows.validation;

import io.banshi.workflows.catalog.CapabilityCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the plan validator a bean, over the application's capability catalog when it has
 * one (so that capabilities plugins register count), else over the built-in catalog.
 */
@Configuration(proxyBeanMethods = false)
class PlanValidationConfiguration {

	@Bean
	PlanValidator planValidator(ObjectProvider<CapabilityCatalog> catalog) {
		return new PlanValidator(catalog.getIfAvailable(CapabilityCatalog::builtIn));
	}

}
