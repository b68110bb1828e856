package io.banshi.engine.internal.model;

import io.banshi.engine.internal.feel.Expression;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: evaluate {@code source}, store it
 * under {@code target} (a name or a dotted path).
 *
 * @param source the source expression
 * @param target the target variable path
 */
public record Mapping(Expression source, String target) {
}
