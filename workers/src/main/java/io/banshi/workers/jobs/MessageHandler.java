package io.banshi.workers.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.OrderReceipt;
import io.banshi.workers.plugin.PluginRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Sends a message through the {@code notify.message} capability, once per job run, and
 * hands it to the notification sinks.
 */
abstract class MessageHandler implements StepHandler {

	private static final Map<String, String> REASONS = Map.of("SOLD_OUT", "没有货了,已为您停止下单。", "OVER_BUDGET",
			"超出预算,已为您停止下单。", "PRICE_CHANGED", "价格有变动,已为您停止下单,请重新确认。", "CONFIRM_TIMEOUT", "没有在规定时间内确认,本次事项已取消。",
			"NOT_FOUND", "没有找到要办的内容。");

	private final PluginRegistry registry;

	private final ObjectProvider<NotificationSink> sinks;

	MessageHandler(PluginRegistry registry, ObjectProvider<NotificationSink> sinks) {
		this.registry = registry;
		this.sinks = sinks;
	}

	abstract String kind();

	abstract String text(Map<String, Object> variables);

	@Override
	public StepResult handle(StepJob job) {
		try {
			String text = text(job.variables());
			String key = job.runKey().value();
			OrderReceipt sent = this.registry.order("notify.message", null, Map.of("text", text), job.runKey());
			Notification notification = new Notification(kind(), text, job.processInstanceKey(), job.stepId(), key,
					job.errandId());
			this.sinks.orderedStream().forEach((sink) -> sink.deliver(notification));
			Map<String, Object> message = new LinkedHashMap<>(sent.details());
			message.put("kind", kind());
			message.put("text", text);
			return new StepResult.Complete(Map.of(kind() + "_" + job.stepId(), message));
		}
		catch (BusinessFailure failure) {
			return Steps.failed(failure);
		}
	}

	static String reason(Map<String, Object> variables) {
		String code = Inputs.text(variables, "reason", "businessError");
		String detail = Inputs.text(variables, "businessErrorMessage");
		if (code == null) {
			return detail;
		}
		String sentence = REASONS.getOrDefault(code, code);
		return (detail != null) ? sentence + "(" + detail + ")" : sentence;
	}

}
