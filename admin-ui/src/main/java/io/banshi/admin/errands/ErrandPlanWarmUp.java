package io.banshi.admin.errands;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.banshi.workflows.compiler.PlanCompiler;
import io.banshi.workflows.plan.PlanOutcome;
import io.banshi.workflows.plan.PlanRequest;
import io.banshi.workflows.plan.Planner;
import io.banshi.workflows.validation.PlanValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Plans a few errands while the application starts, before it reports itself started, so
 * that the first people to plan do not wait for classes to load and code to be compiled
 * (the first BPMN compilation alone takes hundreds of milliseconds cold). It takes about
 * a second.
 */
@Component
class ErrandPlanWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ErrandPlanWarmUp.class);

	private static final List<String> ERRANDS = List.of("帮我订下周三去上海的机票并提醒我带充电器", "周末带家人去杭州玩两天,预算5000元",
			"Remind me to call mom tomorrow at 8pm", "Find the cheapest iPhone 16 and order it if it's under 6000 yuan",
			"每天早上7点提醒我吃药", "明晚7点在海底捞订个4人位", "What's the weather in Beijing this weekend?", "记一笔账:今天打车花了32元",
			"下周三去广州,帮我看看那天的天气,再订一家天河区的酒店", "你好");

	private static final int ROUNDS = 5;

	private final Planner planner;

	private final PlanValidator validator;

	private final PlanCompiler compiler;

	private final ObjectMapper json;

	ErrandPlanWarmUp(Planner planner, PlanValidator validator, PlanCompiler compiler, ObjectMapper json) {
		this.planner = planner;
		this.validator = validator;
		this.compiler = compiler;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
		try {
			for (int round = 0; round < ROUNDS; round++) {
				for (String errand : ERRANDS) {
					PlanOutcome outcome = this.planner.plan(PlanRequest.of(errand, now, ZoneId.of("Asia/Shanghai")));
					if (outcome instanceof PlanOutcome.Planned planned
							&& this.validator.validate(planned.plan()).isEmpty()) {
						String bpmn = this.compiler.compile(planned.plan(), "errand_warm_up").bpmnXml();
						this.json.writeValueAsString(PlanErrandAnswer.planned(planned.plan(), bpmn, null));
					}
				}
			}
			log.info("Errand planning warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (Exception ex) {
			// Warming up is an optimisation; a failure here shows again, and properly, on
			// a
			// real request.
			log.warn("Warming up errand planning failed: {}", ex.toString());
		}
	}

}
