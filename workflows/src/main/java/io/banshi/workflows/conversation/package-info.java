/**
 * Conversation memory: each user's requests and the slots of their plans, in Spring AI's
 * JDBC chat memory in the application's database, so that a follow-up keeps its context.
 */
package io.banshi.workflows.conversation;
