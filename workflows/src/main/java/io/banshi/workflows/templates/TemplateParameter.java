package io.banshi.workflows.templates;

/**
 * A parameter a template declares: a process variable filled from the plan's slot of the
 * same name when the template is used.
 *
 * @param name the slot and variable name ({@code destination}, {@code budget}, ...)
 * @param type how the slot is written into the variable: {@code string}, {@code number},
 * {@code integer}, {@code date} (ISO date), {@code time} (HH:MM), or {@code datetime} (a
 * local date-time, written with the errand's offset so that FEEL's
 * {@code date and time(...)} reads it as a moment)
 * @param required whether a plan without the slot cannot use the template
 * @param description what it is, for analysts
 */
public record TemplateParameter(String name, String type, boolean required, String description) {

}
