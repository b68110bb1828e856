package io.banshi.engine.internal.feel;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A value in a BPMN attribute: either static text or a FEEL expression (text starting
 * with {@code =}), parsed once at deployment.
 *
 * @param text the attribute as written
 * @param feel the parsed FEEL expression, or {@code null} for a static value
 */
public record Expression(String text, ParsedExpression feel) {

	/**
	 * Whether the value is a FEEL expression.
	 * @return true for {@code =...}
	 */
	public boolean isFeel() {
		return this.feel != null;
	}

	/**
	 * The FEEL source without the leading {@code =}.
	 * @return the expression source, or the static text
	 */
	public String source() {
		return isFeel() ? this.text.substring(1).trim() : this.text;
	}

}
