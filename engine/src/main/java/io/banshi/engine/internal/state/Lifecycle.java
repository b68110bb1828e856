package io.banshi.engine.internal.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle declared as a table: (state, event) leads to the next state. Every state
 * change of an element instance or a job goes through {@link #next}, so a change the
 * table does not declare is a bug that fails loudly instead of corrupting an instance.
 *
 * @param <S> the state type
 * @param <E> the event type
 */
public final class Lifecycle<S extends Enum<S>, E extends Enum<E>> {

	private final String name;

	private final Map<S, Map<E, S>> table;

	private final List<Transition<S, E>> transitions = new ArrayList<>();

	private Lifecycle(String name, Class<S> stateType) {
		this.name = name;
		this.table = new EnumMap<>(stateType);
	}

	/**
	 * Starts a lifecycle table.
	 * @param <S> the state type
	 * @param <E> the event type
	 * @param name what the lifecycle is of, for messages
	 * @param stateType the state enum
	 * @param eventType the event enum
	 * @return an empty table
	 */
	public static <S extends Enum<S>, E extends Enum<E>> Lifecycle<S, E> of(String name, Class<S> stateType,
			Class<E> eventType) {
		return new Lifecycle<>(name, stateType);
	}

	/**
	 * Declares a transition.
	 * @param from the state before
	 * @param event the event
	 * @param to the state after
	 * @return this table
	 */
	public Lifecycle<S, E> on(S from, E event, S to) {
		this.table.computeIfAbsent(from, (k) -> new java.util.HashMap<>()).put(event, to);
		this.transitions.add(new Transition<>(from, event, to));
		return this;
	}

	/**
	 * Returns the state an event leads to.
	 * @param from the current state
	 * @param event the event
	 * @return the next state
	 * @throws IllegalStateException when the table does not declare the transition
	 */
	public S next(S from, E event) {
		Map<E, S> row = this.table.get(from);
		S to = (row != null) ? row.get(event) : null;
		if (to == null) {
			throw new IllegalStateException(
					"Expected a declared " + this.name + " transition for " + event + " in state " + from);
		}
		return to;
	}

	/**
	 * Whether the event is allowed in the state.
	 * @param from the current state
	 * @param event the event
	 * @return true when declared
	 */
	public boolean allows(S from, E event) {
		Map<E, S> row = this.table.get(from);
		return row != null && row.containsKey(event);
	}

	/**
	 * Every declared transition, in declaration order.
	 * @return the transitions
	 */
	public List<Transition<S, E>> transitions() {
		return Collections.unmodifiableList(this.transitions);
	}

	/**
	 * One row of the table.
	 *
	 * @param <S> the state type
	 * @param <E> the event type
	 * @param from the state before
	 * @param event the event
	 * @param to the state after
	 */
	public record Transition<S, E>(S from, E event, S to) {
	}

}
