/**
 * The engine's implementation. Nothing outside {@code io.banshi.engine} may use these
 * classes; they change without notice. Callers use the Camunda 8 Java client; the console
 * uses {@link io.banshi.engine.query.EngineQueries}.
 */
package io.banshi.engine.internal;
