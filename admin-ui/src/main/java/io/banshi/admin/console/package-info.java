/**
 * What the ops console pages share: the audit log of actions taken on journeys.
 */
package io.banshi.admin.console;
