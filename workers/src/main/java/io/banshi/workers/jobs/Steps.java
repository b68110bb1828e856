package io.banshi.workers.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.FailureCode;
import io.banshi.workers.plugin.Option;

/**
 * Helpers the handlers share.
 */
final class Steps {

	/** How many options a person is shown at {@code confirm}. */
	static final int SHOWN = 5;

	private Steps() {
	}

	static StepResult.BusinessError failed(BusinessFailure failure) {
		return new StepResult.BusinessError(failure.errorCode(), failure.getMessage(),
				Map.of("businessError", failure.errorCode(), "businessErrorMessage", failure.getMessage()));
	}

	static String capability(StepJob job) {
		if (job.capability() == null) {
			throw new BusinessFailure(FailureCode.INVALID_INPUT,
					"Step '" + job.stepId() + "' (" + job.type() + ") names no capability");
		}
		return job.capability();
	}

	static List<Map<String, Object>> indexed(List<Option> options, int limit) {
		List<Map<String, Object>> shown = new ArrayList<>();
		for (Option option : options.subList(0, Math.min(limit, options.size()))) {
			Map<String, Object> map = option.toMap();
			map.put("index", shown.size() + 1);
			shown.add(map);
		}
		return shown;
	}

	static List<Map<String, Object>> maps(List<Option> options, int limit) {
		return options.subList(0, Math.min(limit, options.size())).stream().map(Option::toMap).toList();
	}

	/**
	 * Returns the options earlier {@code query} steps found for a capability: the
	 * {@code results_<stepId>} variables whose options are of that capability.
	 */
	static List<Option> found(Map<String, Object> variables, String capability) {
		List<Option> found = new ArrayList<>();
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			if (variable.getKey().startsWith("results_") && variable.getValue() instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof Map<?, ?> map && capability.equals(map.get("capability"))) {
						found.add(Option.fromMap(copy(map)));
					}
				}
			}
		}
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<?, ?> map) {
		return new LinkedHashMap<>((Map<String, Object>) map);
	}

	/**
	 * Returns the name of a variable kept per capability, for errands that compare and
	 * confirm several capabilities on parallel branches.
	 * @param prefix for example {@code options}
	 * @param capability the catalog capability
	 * @return for example {@code options_travel_flight}
	 */
	static String perCapability(String prefix, String capability) {
		return prefix + "_" + capability.replaceAll("[^A-Za-z0-9]", "_");
	}

	/**
	 * Returns the option maps held by a variable, when they are all of the capability.
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> options(Map<String, Object> variables, String name, String capability) {
		Object options = variables.get(name);
		List<Map<String, Object>> maps = new ArrayList<>();
		if (options instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					Object of = map.get("capability");
					if (of != null && !of.equals(capability)) {
						return List.of();
					}
					maps.add(new LinkedHashMap<>((Map<String, Object>) map));
				}
			}
		}
		return maps;
	}

	/**
	 * Returns the options offered for a capability: its own variable first, then the
	 * shared {@code options} when they are of that capability.
	 */
	static List<Map<String, Object>> offered(Map<String, Object> variables, String prefix, String capability) {
		List<Map<String, Object>> own = options(variables, perCapability(prefix, capability), capability);
		return own.isEmpty() ? options(variables, "options", capability) : own;
	}

}
