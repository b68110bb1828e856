package io.banshi.workers.jobs;

import java.util.List;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.Option;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code query}: asks every plugin of the step's capability and keeps what they found in
 * {@code results_<stepId>}.
 */
@Component
public class QueryHandler implements StepHandler {

	/** How many results are kept in the process. */
	static final int KEPT = 20;

	private final PluginRegistry registry;

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 */
	public QueryHandler(PluginRegistry registry) {
		this.registry = registry;
	}

	@Override
	public String jobType() {
		return "query";
	}

	@Override
	public StepResult handle(StepJob job) {
		try {
			List<Option> options = this.registry.query(Steps.capability(job), job.variables());
			return new StepResult.Complete(Map.of("results_" + job.stepId(), Steps.maps(options, KEPT)));
		}
		catch (BusinessFailure failure) {
			return Steps.failed(failure);
		}
	}

}
