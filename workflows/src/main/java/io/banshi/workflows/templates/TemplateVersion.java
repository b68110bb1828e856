package io.banshi.workflows.templates;

import java.time.Instant;

/**
 * One version of a template as the database keeps it.
 *
 * @param key the template key
 * @param version the version, counting from 1 per template
 * @param status {@link #DRAFT} or {@link #PUBLISHED}
 * @param bpmn the BPMN 2.0 XML
 * @param descriptor the descriptor
 * @param checksum the SHA-256 of the BPMN, in hex
 * @param createdBy who saved it ({@code system} for the built-in templates)
 * @param createdAt when it was saved
 * @param publishedAt when it was published, or null
 */
public record TemplateVersion(String key, int version, String status, String bpmn, TemplateDescriptor descriptor,
		String checksum, String createdBy, Instant createdAt, Instant publishedAt) {

	/** A version being edited: not used for errands. */
	public static final String DRAFT = "draft";

	/** A version errands may use; the highest published version of a template wins. */
	public static final String PUBLISHED = "published";

}
