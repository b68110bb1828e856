package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * The multi-instance body of an activity, as Zeebe models it: it owns the activity's
 * sequence flows and boundary events and runs the inner activity once per element of the
 * input collection, in parallel or one after another. Its id is the activity's id with
 * {@code #multiInstanceBody} appended (the inner activity keeps the id).
 */
public final class ExecutableMultiInstanceBody extends ExecutableElement {

	/** Appended to the activity's id to name its body. */
	public static final String SUFFIX = "#multiInstanceBody";

	private final ExecutableElement inner;

	private final boolean sequential;

	private final Expression inputCollection;

	private final String inputElement;

	private final String outputCollection;

	private final Expression outputElement;

	private final Expression completionCondition;

	public ExecutableMultiInstanceBody(ExecutableElement inner, boolean sequential, Expression inputCollection,
			String inputElement, String outputCollection, Expression outputElement, Expression completionCondition) {
		super(inner.id() + SUFFIX, ElementType.MULTI_INSTANCE_BODY);
		this.inner = inner;
		this.sequential = sequential;
		this.inputCollection = inputCollection;
		this.inputElement = inputElement;
		this.outputCollection = outputCollection;
		this.outputElement = outputElement;
		this.completionCondition = completionCondition;
	}

	public ExecutableElement inner() {
		return this.inner;
	}

	public boolean sequential() {
		return this.sequential;
	}

	public Expression inputCollection() {
		return this.inputCollection;
	}

	/** The variable each inner instance gets its element in; may be {@code null}. */
	public String inputElement() {
		return this.inputElement;
	}

	/** The variable the outputs are collected in; may be {@code null}. */
	public String outputCollection() {
		return this.outputCollection;
	}

	public Expression outputElement() {
		return this.outputElement;
	}

	/** Completes the body early when true; may be {@code null}. */
	public Expression completionCondition() {
		return this.completionCondition;
	}

}
