package io.banshi.workflows.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The templates that ship with Banshi: {@code bpmn/templates/<key>.bpmn} with its
 * descriptor {@code <key>.json} beside it, on the classpath.
 */
public final class BuiltInTemplates {

	/** Where the built-in templates live on the classpath. */
	public static final String LOCATION = "classpath*:bpmn/templates/*.json";

	/** Who the built-in versions are saved as. */
	public static final String AUTHOR = "system";

	private BuiltInTemplates() {
	}

	/**
	 * A built-in template.
	 *
	 * @param descriptor its descriptor
	 * @param bpmn its BPMN 2.0 XML
	 */
	public record BuiltIn(TemplateDescriptor descriptor, String bpmn) {

	}

	/**
	 * Loads every built-in template.
	 * @return the templates, by key
	 * @throws UncheckedIOException when a file cannot be read
	 * @throws IllegalStateException when a descriptor has no BPMN beside it
	 */
	public static List<BuiltIn> load() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				BuiltInTemplates.class.getClassLoader());
		List<BuiltIn> templates = new ArrayList<>();
		try {
			for (Resource json : resolver.getResources(LOCATION)) {
				TemplateDescriptor descriptor = TemplateDescriptor
					.parse(json.getContentAsString(StandardCharsets.UTF_8));
				Resource bpmn = json.createRelative(descriptor.key() + ".bpmn");
				if (!bpmn.exists()) {
					throw new IllegalStateException(
							"Template '" + descriptor.key() + "' has no BPMN file beside " + json.getFilename());
				}
				templates.add(new BuiltIn(descriptor, bpmn.getContentAsString(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the built-in templates", ex);
		}
		templates.sort(Comparator.comparing((template) -> template.descriptor().key()));
		return templates;
	}

}
