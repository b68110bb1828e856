package io.banshi.workflows.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a template is, beside its BPMN: its key, names and description in Chinese and
 * English, and its parameters. Written as a small JSON document next to the BPMN file
 * ({@code bpmn/templates/<key>.json}) and kept with every version in the database.
 *
 * @param key the template key, also the tail of its process id ({@code banshi_<key>})
 * @param nameZh the name in Chinese
 * @param nameEn the name in English
 * @param descriptionZh what it does, in Chinese
 * @param descriptionEn what it does, in English
 * @param parameters the parameters it declares
 */
public record TemplateDescriptor(String key, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
		List<TemplateParameter> parameters) {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> TYPES = Set.of("string", "number", "integer", "date", "time", "datetime");

	public TemplateDescriptor {
		parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
	}

	/**
	 * Returns the BPMN process id a template's process has.
	 * @return {@code banshi_<key>}
	 */
	public String processId() {
		return "banshi_" + this.key;
	}

	/**
	 * Reads a descriptor.
	 * @param json the JSON document
	 * @return the descriptor
	 * @throws IllegalArgumentException when it is not a valid descriptor, saying why
	 */
	public static TemplateDescriptor parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The template descriptor is not JSON: " + ex.getOriginalMessage());
		}
		String key = root.path("key").asText("");
		if (!key.matches("[a-z][a-z0-9_]{0,63}")) {
			throw new IllegalArgumentException(
					"The template key '" + key + "' must be lower case letters, digits and '_' (at most 64)");
		}
		List<TemplateParameter> parameters = new ArrayList<>();
		for (JsonNode parameter : root.path("parameters")) {
			String name = parameter.path("name").asText("");
			String type = parameter.path("type").asText("string");
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException(
						"Template '" + key + "' has a parameter named '" + name + "', which is not a variable name");
			}
			if (!TYPES.contains(type)) {
				throw new IllegalArgumentException("Parameter '" + name + "' of template '" + key + "' has the type '"
						+ type + "'; expected one of " + TYPES);
			}
			parameters.add(new TemplateParameter(name, type, parameter.path("required").asBoolean(false),
					parameter.path("description").asText("")));
		}
		return new TemplateDescriptor(key, root.path("name").path("zh").asText(key),
				root.path("name").path("en").asText(key), root.path("description").path("zh").asText(""),
				root.path("description").path("en").asText(""), parameters);
	}

	/**
	 * Writes this descriptor as JSON, in the form {@link #parse(String)} reads.
	 * @return the JSON document
	 */
	public String toJson() {
		var root = JSON.createObjectNode();
		root.put("key", this.key);
		root.putObject("name").put("zh", this.nameZh).put("en", this.nameEn);
		root.putObject("description").put("zh", this.descriptionZh).put("en", this.descriptionEn);
		var list = root.putArray("parameters");
		for (TemplateParameter parameter : this.parameters) {
			list.addObject()
				.put("name", parameter.name())
				.put("type", parameter.type())
				.put("required", parameter.required())
				.put("description", parameter.description());
		}
		return root.toString();
	}

}
