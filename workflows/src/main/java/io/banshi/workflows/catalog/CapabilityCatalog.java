package io.banshi.workflows.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one catalog of capabilities, read by the planners, by plan validation and by the
 * workers that serve them. Its source of truth is {@code banshi/capabilities.json} on the
 * classpath; third-party plugins may {@link #register(Capability) register} more at run
 * time.
 */
public final class CapabilityCatalog {

	/** The classpath resource holding the built-in capabilities. */
	public static final String RESOURCE = "banshi/capabilities.json";

	private final Map<String, Capability> capabilities = Collections.synchronizedMap(new LinkedHashMap<>());

	private CapabilityCatalog(List<Capability> capabilities) {
		capabilities.forEach((capability) -> this.capabilities.put(capability.name(), capability));
	}

	/**
	 * Loads the built-in capabilities.
	 * @return a catalog holding them
	 * @throws UncheckedIOException when the resource is missing or unreadable
	 */
	public static CapabilityCatalog builtIn() {
		ObjectMapper json = new ObjectMapper();
		try (InputStream in = CapabilityCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException(RESOURCE + " is not on the classpath");
			}
			List<Capability> result = new ArrayList<>();
			for (JsonNode node : json.readTree(in).path("capabilities")) {
				result.add(new Capability(node.path("name").asText(), node.path("description").path("zh").asText(),
						node.path("description").path("en").asText(), node.path("consequential").asBoolean(),
						node.path("input"), node.path("output")));
			}
			return new CapabilityCatalog(result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the capability catalog " + RESOURCE, ex);
		}
	}

	/**
	 * Returns every capability, built-in first, in a stable order.
	 * @return the capabilities
	 */
	public List<Capability> all() {
		synchronized (this.capabilities) {
			return List.copyOf(this.capabilities.values());
		}
	}

	/**
	 * Finds the capability a step's capability name falls under
	 * ({@code travel.flight.search} → {@code travel.flight}).
	 * @param used the name a step uses
	 * @return the most specific capability covering it, or empty when none does
	 */
	public Optional<Capability> find(String used) {
		return all().stream()
			.filter((capability) -> capability.covers(used))
			.max((a, b) -> Integer.compare(a.name().length(), b.name().length()));
	}

	/**
	 * Adds a capability served by a plugin registered at run time.
	 * @param capability the capability
	 * @throws IllegalArgumentException when a capability of that name exists already
	 */
	public void register(Capability capability) {
		Capability previous = this.capabilities.putIfAbsent(capability.name(), capability);
		if (previous != null) {
			throw new IllegalArgumentException("A capability named '" + capability.name() + "' exists already");
		}
	}

}
