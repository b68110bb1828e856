/**
 * The Banshi BPMN engine: a Zeebe gateway protocol (gRPC) server over a BPMN runtime
 * whose state lives in the database. Callers never use these classes directly; they use
 * the Camunda 8 Java client. See {@code engine/README.md}.
 */
package io.banshi.engine;
