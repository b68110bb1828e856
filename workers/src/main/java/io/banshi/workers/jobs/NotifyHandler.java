package io.banshi.workers.jobs;

import java.util.Map;

import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Component;

/**
 * {@code notify}: tells the person something now: the input {@code text}, else why the
 * errand stopped (the {@code reason} the compiler's error paths pass, with
 * {@code businessErrorMessage}), else the {@code remind_text}.
 */
@Component
public class NotifyHandler extends MessageHandler {

	/**
	 * Creates the handler.
	 * @param registry the plugins
	 * @param sinks where messages go besides the notify plugin (may be empty)
	 */
	public NotifyHandler(PluginRegistry registry, ObjectProvider<NotificationSink> sinks) {
		super(registry, sinks);
	}

	@Override
	public String jobType() {
		return "notify";
	}

	@Override
	String kind() {
		return "notification";
	}

	@Override
	String text(Map<String, Object> variables) {
		String text = Inputs.text(variables, "text");
		if (text == null) {
			text = reason(variables);
		}
		if (text == null) {
			text = Inputs.text(variables, "remind_text", "item");
		}
		return (text != null) ? text : "您的事项有新进展。";
	}

}
