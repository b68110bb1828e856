/**
 * The model planner: plans with a language model behind any OpenAI-compatible endpoint
 * through Spring AI, checks and repairs its answers, and falls back to the offline
 * planner. On only with {@code spring.ai.model.chat=openai}.
 */
package io.banshi.workflows.model;
