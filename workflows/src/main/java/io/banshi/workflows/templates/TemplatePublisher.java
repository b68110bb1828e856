package io.banshi.workflows.templates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes the built-in templates when the application starts: version 1 of each one the
 * database lacks, and a new published version when a file no longer matches any version
 * kept (its checksum changed with a release). Versions analysts made are kept. Runs after
 * the migrations (the repository's {@code JdbcTemplate} waits for Flyway). Off with
 * {@code banshi.templates.publish-built-ins=false}.
 */
@Component
@ConditionalOnProperty(name = "banshi.templates.publish-built-ins", havingValue = "true", matchIfMissing = true)
public class TemplatePublisher implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(TemplatePublisher.class);

	private final TemplateRepository repository;

	/**
	 * Creates the publisher.
	 * @param repository where templates are kept
	 */
	public TemplatePublisher(TemplateRepository repository) {
		this.repository = repository;
	}

	@Override
	public void afterSingletonsInstantiated() {
		publishBuiltIns();
	}

	/**
	 * Publishes the built-in templates the database lacks or has an older file of.
	 * @return how many versions were published
	 */
	public int publishBuiltIns() {
		int published = 0;
		for (BuiltInTemplates.BuiltIn template : BuiltInTemplates.load()) {
			String key = template.descriptor().key();
			if (!this.repository.hasChecksum(key, TemplateRepository.checksum(template.bpmn()))) {
				TemplateVersion version = this.repository.savePublished(template.descriptor(), template.bpmn(),
						BuiltInTemplates.AUTHOR);
				logger.info("Published built-in template {} as version {}", key, version.version());
				published++;
			}
		}
		return published;
	}

}
