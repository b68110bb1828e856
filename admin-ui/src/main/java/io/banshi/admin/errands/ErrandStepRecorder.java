package io.banshi.admin.errands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.banshi.workers.jobs.StepJob;
import io.banshi.workers.jobs.StepObserver;

import org.springframework.stereotype.Component;

/**
 * Keeps what the job workers report on the errand: the variables each step wrote (the
 * errand's {@code results}), the options a {@code confirm} offers (the errand then waits
 * for the person), the step it is at, the business error that stopped it, and that its
 * process ended (heard from the process's end listener). Steps of processes not started
 * by the errand API (no {@code errandId}) are ignored.
 */
@Component
class ErrandStepRecorder implements StepObserver {

	private final ErrandRepository errands;

	ErrandStepRecorder(ErrandRepository errands) {
		this.errands = errands;
	}

	@Override
	public void completed(StepJob job, Map<String, Object> variables) {
		if (job.errandId() == null) {
			return;
		}
		this.errands.update(job.errandId(), (errand) -> {
			Map<String, Object> results = new LinkedHashMap<>(errand.results());
			variables.forEach((name, value) -> {
				if (!name.equals("options") && !name.startsWith("options_") && !name.equals("awaitingConfirmation")) {
					results.put(name, value);
				}
			});
			boolean waits = "confirm".equals(job.type()) && Boolean.TRUE.equals(variables.get("awaitingConfirmation"))
					&& !errand.status().ended();
			if (waits) {
				List<Map<String, Object>> pending = new ArrayList<>(errand.options());
				pending.removeIf((confirm) -> job.stepId().equals(confirm.get("step")));
				Map<String, Object> confirm = new LinkedHashMap<>();
				confirm.put("step", job.stepId());
				confirm.put("options", options(variables.get("options")));
				pending.add(confirm);
				return errand.with(ErrandStatus.WAITING_CONFIRM, job.stepId(), results, pending, errand.errorCode(),
						errand.errorMessage());
			}
			return errand.with(errand.status(), job.stepId(), results, errand.options(), errand.errorCode(),
					errand.errorMessage());
		});
	}

	@Override
	public void businessError(StepJob job, String code, String message) {
		if (job.errandId() == null) {
			return;
		}
		this.errands.update(job.errandId(), (errand) -> errand.with(errand.status(), job.stepId(), errand.results(),
				errand.options(), code, message));
	}

	/**
	 * The errand's process completed (its end listener's job): the errand is completed,
	 * failed or canceled by the rules of {@link ErrandStatus#endedAs}. Its last step's
	 * results and business error were recorded before, since observers hear a step's
	 * outcome before the engine does.
	 */
	@Override
	public void ended(StepJob job, Map<String, Object> variables) {
		if (job.errandId() == null) {
			return;
		}
		this.errands.update(job.errandId(), (errand) -> errand.status().ended() ? errand
				: errand.withStatus(ErrandStatus.endedAs(false, errand.errorCode(), errand.results())));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> options(Object options) {
		List<Map<String, Object>> list = new ArrayList<>();
		if (options instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> map) {
					list.add(new LinkedHashMap<>((Map<String, Object>) map));
				}
			}
		}
		return list;
	}

}
