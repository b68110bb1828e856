package io.banshi.workflows.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.stereotype.Component;

import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.Planner;

/**
 * Plans with the person's conversation in mind: each request and the slots of the plan it
 * got are remembered per user (Spring AI chat memory, in the database), and a new request
 * is planned with the previous plan's slots, so that "杭州天气如何?" then "适合穿什么?" keeps 杭州.
 *
 * <p>
 * It is deliberately not a {@link Planner} bean itself: it wraps whichever planner is
 * primary (the model planner when one is configured, else the offline planner), and the
 * errand API calls it when it knows who is asking.
 */
@Component
public class ConversationPlanner {

	private static final int MAX_TEXT = 2000;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Planner planner;

	private final ChatMemory memory;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * Creates the conversation planner.
	 * @param planner the planner that does the planning
	 * @param memory where conversations are kept
	 */
	public ConversationPlanner(Planner planner, ChatMemory memory) {
		this.planner = planner;
		this.memory = memory;
	}

	/**
	 * Plans a request in its user's conversation. Without a user it plans the request
	 * alone and remembers nothing. Slots the request carries already win over remembered
	 * ones.
	 * @param request the request; {@link PlanRequest#user()} names the conversation
	 * @return what the planner answered
	 */
	public PlanOutcome plan(PlanRequest request) {
		String user = request.user();
		if (user == null || user.isBlank()) {
			return this.planner.plan(request);
		}
		Map<String, Object> previous = request.previousSlots().isEmpty() ? previousSlots(user)
				: request.previousSlots();
		PlanOutcome outcome = this.planner
			.plan(new PlanRequest(request.text(), request.now(), request.zone(), user, previous));
		remember(user, request.text(), outcome);
		return outcome;
	}

	/**
	 * Returns the slots of the latest plan in a user's conversation.
	 * @param user the user name
	 * @return the slots, or an empty map when there is no plan in the conversation
	 */
	public Map<String, Object> previousSlots(String user) {
		List<Message> messages = this.memory.get(user);
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i) instanceof AssistantMessage answer) {
				Map<String, Object> slots = slotsOf(answer.getText());
				if (!slots.isEmpty()) {
					return slots;
				}
			}
		}
		return Map.of();
	}

	/**
	 * Returns what a user said in their remembered conversation, oldest first.
	 * @param user the user name
	 * @return the sentences
	 */
	public List<String> history(String user) {
		return this.memory.get(user).stream().filter(UserMessage.class::isInstance).map(Message::getText).toList();
	}

	/**
	 * Forgets a user's conversation.
	 * @param user the user name
	 */
	public void clear(String user) {
		this.memory.clear(user);
	}

	private void remember(String user, String text, PlanOutcome outcome) {
		Map<String, Object> answer = new LinkedHashMap<>();
		if (outcome instanceof PlanOutcome.Planned planned) {
			answer.put("outcome", "plan");
			answer.put("slots", planned.plan().slots());
		}
		else if (outcome instanceof PlanOutcome.Clarify clarify) {
			answer.put("outcome", "clarify");
			answer.put("question", clarify.question());
		}
		else if (outcome instanceof PlanOutcome.Refuse refuse) {
			answer.put("outcome", "refuse");
			answer.put("reason", refuse.reason());
		}
		String said = (text == null) ? "" : (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
		try {
			this.memory.add(user,
					List.of(new UserMessage(said), new AssistantMessage(this.json.writeValueAsString(answer))));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the slots of a plan as JSON", ex);
		}
	}

	private Map<String, Object> slotsOf(String text) {
		try {
			Object slots = this.json.readValue(text, MAP).get("slots");
			return (slots instanceof Map<?, ?> map) ? this.json.convertValue(map, MAP) : Map.of();
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return Map.of();
		}
	}

}
