/**
 * Engine internals (gateway); not an API. See {@link io.banshi.engine.internal}.
 */
package io.banshi.engine.internal.gateway;
