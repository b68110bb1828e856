/**
 * Engine internals (scheduling): the one scheduler that drives everything that falls due
 * by the engine's clock. Not an API; see {@link io.banshi.engine.internal}.
 */
package io.banshi.engine.internal.scheduling;
