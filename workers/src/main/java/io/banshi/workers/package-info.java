/**
 * Job workers for each step kind, the plugin SPI and the built-in sandbox, MCP and HTTP
 * plugins. Talks to an engine only through the Camunda 8 Java client, so it runs
 * unchanged against a Camunda 8 cluster.
 */
package io.banshi.workers;
