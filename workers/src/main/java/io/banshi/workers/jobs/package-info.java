/**
 * What the job workers of each step kind do, as plain classes: a {@link StepHandler}
 * takes a job's variables and headers ({@link StepJob}) and answers a {@link StepResult}
 * — variables to complete the job with, or a business error to throw as a BPMN error. Any
 * exception a handler throws is technical: the job fails and is retried, then becomes an
 * incident. {@link JobOutcomes} applies a result through the Camunda client, so a
 * {@code @JobWorker} (or the client's worker API) only has to call
 * {@code JobOutcomes.handle(client, job, handler)}. {@link StepWorkers} opens one
 * streaming job worker per handler on the application's {@code CamundaClient} (none when
 * there is no client), and tells the {@link StepObserver}s what each step did once the
 * engine accepted it; the {@code remind} and {@code notify} handlers hand their messages
 * to the {@link NotificationSink}s.
 *
 * <p>
 * The contract with the plan compiler: a step is a service task with job type = the
 * step's kind, headers {@code stepId} and {@code capability}, and the step's inputs as
 * input mappings (so they arrive among the job's variables). What the handlers write:
 * <ul>
 * <li>{@code query}: {@code results_<stepId>}, the options found (at most 20 maps, see
 * {@link io.banshi.workers.plugin.Option#toMap()}).</li>
 * <li>{@code compare}: ranks the options the {@code query} steps found for its capability
 * (else queries with its own variables) by {@code by} within {@code budget};
 * {@code options} and {@code ranked_<capability>} (dots as underscores:
 * {@code ranked_travel_flight}), the best options (at most 5, each with an {@code index}
 * from 1), {@code best}, and {@code comparison_<stepId>} (ranking, budget, how many were
 * over budget or sold out); the BPMN error {@code OVER_BUDGET} when every option costs
 * more than the budget.</li>
 * <li>{@code confirm}: {@code options} and {@code options_<capability>} (from
 * {@code ranked_<capability>}, else {@code options} of its capability, else what the
 * {@code query} found, else compared here, else one proposal describing what
 * {@code order} will do) and {@code awaitingConfirmation = true}; the person's answer
 * arrives as the variable {@code confirmation} ({@code {"option": 1}} or
 * {@code {"declined": true}}). Keeping options per capability lets parallel branches (a
 * flight and a hotel) each order what was picked for them.</li>
 * <li>{@code order}: {@code order_<stepId>}, the order's receipt; the BPMN errors
 * {@code SOLD_OUT}, {@code PRICE_CHANGED}, {@code OVER_BUDGET} (and {@code NOT_FOUND},
 * {@code INVALID_INPUT}) with {@code businessErrorMessage} saying why. Its idempotency
 * key is {@code <processInstanceKey>/<elementId>}.</li>
 * <li>{@code notify} and {@code remind}: {@code notification_<stepId>} or
 * {@code reminder_<stepId>}, the message sent (once per job: a repeating reminder sends
 * once per round).</li>
 * </ul>
 */
package io.banshi.workers.jobs;
