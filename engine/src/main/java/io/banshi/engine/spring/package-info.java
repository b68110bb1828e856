/**
 * Spring Boot integration: the auto-configuration that starts the embedded engine on the
 * application's DataSource ({@code engine.embedded=true}, the default), and the
 * standalone engine application ({@code java -jar banshi-engine-exec.jar}).
 */
package io.banshi.engine.spring;
