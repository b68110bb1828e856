package io.banshi.workers.jobs;

import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

/**
 * {@code remind}: the process's timer has fired; reminds the person of
 * {@code remind_text} (else {@code text} or {@code item}). A repeating reminder runs the
 * same element again each round, so the idempotency key includes the element instance:
 * one message per round, however often a round's job is retried.
 */
@Component
public class RemindHandler extends MessageHandler {

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 * @param sinks where messages go besides the notify plugin (may be empty)
	 */
	public RemindHandler(PluginRegistry registry, ObjectProvider<NotificationSink> sinks) {
		super(registry, sinks);
	}

	@Override
	public String jobType() {
		return "remind";
	}

	@Override
	String kind() {
		return "reminder";
	}

	@Override
	String text(Map<String, Object> variables) {
		String text = Inputs.text(variables, "remind_text", "text", "item");
		return (text != null) ? "提醒:" + text : "提醒:您设置的时间到了。";
	}

}
