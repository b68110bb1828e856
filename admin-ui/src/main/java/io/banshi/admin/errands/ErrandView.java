package io.banshi.admin.errands;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/errands/{id}}: where an errand stands. Every field is always present
 * ({@code currentStep} may be {@code null}).
 *
 * @param id the errand id
 * @param text what the person said
 * @param status {@code planned}, {@code running}, {@code waiting_confirm},
 * {@code completed}, {@code canceled} or {@code failed}
 * @param currentStep the step it is at (or last was at)
 * @param options non-empty exactly while it waits at a confirm: each with an
 * {@code index} from 1, {@code name}, {@code price}, {@code time}, {@code provider}
 * @param results what its steps produced, by variable name ({@code results_<step>},
 * {@code comparison_<step>}, {@code order_<step>}, {@code notification_<step>}, ...), and
 * {@code error} ({@code code}, {@code message}) when a business failure stopped it
 * @param orders what it ordered, placed and canceled
 * @param createdAt when it was said
 * @param updatedAt when it last changed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ErrandView(String id, String text, String status, String currentStep, List<Map<String, Object>> options,
		Map<String, Object> results, List<Map<String, Object>> orders, Instant createdAt, Instant updatedAt) {

}
