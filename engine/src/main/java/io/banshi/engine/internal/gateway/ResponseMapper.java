package io.banshi.engine.internal.gateway;

import java.util.List;
import java.util.Map;

import io.banshi.engine.internal.deploy.DeploymentService;
import io.banshi.engine.internal.jobs.ActivatedJob;
import io.banshi.engine.internal.state.Entities.Job;
import io.banshi.engine.internal.state.Entities.ProcessInstance;
import io.banshi.engine.internal.state.JobRepository.RawJson;
import io.banshi.engine.internal.state.Json;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;

/**
 * Turns engine results into gateway responses.
 */
final class ResponseMapper {

	static final String DEFAULT_TENANT = "<default>";

	private ResponseMapper() {
	}

	static DeployResourceResponse deployment(DeploymentService.Deployment deployment) {
		DeployResourceResponse.Builder builder = DeployResourceResponse.newBuilder()
			.setKey(deployment.key())
			.setTenantId(DEFAULT_TENANT);
		for (DeploymentService.Deployed process : deployment.processes()) {
			builder.addDeployments(GatewayOuterClass.Deployment.newBuilder()
				.setProcess(ProcessMetadata.newBuilder()
					.setBpmnProcessId(process.bpmnProcessId())
					.setVersion(process.version())
					.setProcessDefinitionKey(process.processDefinitionKey())
					.setResourceName(process.resourceName())
					.setTenantId(DEFAULT_TENANT)));
		}
		return builder.build();
	}

	static CreateProcessInstanceResponse created(ProcessInstance instance) {
		return CreateProcessInstanceResponse.newBuilder()
			.setProcessDefinitionKey(instance.processDefinitionKey)
			.setBpmnProcessId(instance.bpmnProcessId)
			.setVersion(instance.version)
			.setProcessInstanceKey(instance.key)
			.setTenantId(DEFAULT_TENANT)
			.build();
	}

	/**
	 * Zeebe sends UNSPECIFIED for jobs that are not listeners (the protocol's default
	 * value, ASSIGNING, would read as a task listener's event).
	 */
	private static GatewayOuterClass.ActivatedJob.ListenerEventType listenerEventType(Job job) {
		if (!job.isExecutionListener()) {
			return GatewayOuterClass.ActivatedJob.ListenerEventType.UNSPECIFIED;
		}
		return "START".equals(job.listenerEventType) ? GatewayOuterClass.ActivatedJob.ListenerEventType.START
				: GatewayOuterClass.ActivatedJob.ListenerEventType.END;
	}

	static CreateProcessInstanceWithResultResponse result(ProcessInstance instance, Map<String, Object> variables,
			List<String> fetch) {
		Map<String, Object> selected = variables;
		if (!fetch.isEmpty()) {
			selected = new java.util.LinkedHashMap<>();
			for (String name : fetch) {
				if (variables.containsKey(name)) {
					selected.put(name, variables.get(name));
				}
			}
		}
		return CreateProcessInstanceWithResultResponse.newBuilder()
			.setProcessDefinitionKey(instance.processDefinitionKey)
			.setBpmnProcessId(instance.bpmnProcessId)
			.setVersion(instance.version)
			.setProcessInstanceKey(instance.key)
			.setVariables(Json.write(selected))
			.setTenantId(DEFAULT_TENANT)
			.build();
	}

	static ActivateJobsResponse jobs(List<ActivatedJob> jobs) {
		ActivateJobsResponse.Builder builder = ActivateJobsResponse.newBuilder();
		for (ActivatedJob job : jobs) {
			builder.addJobs(job(job));
		}
		return builder.build();
	}

	static GatewayOuterClass.ActivatedJob job(ActivatedJob activated) {
		Job job = activated.job();
		return GatewayOuterClass.ActivatedJob.newBuilder()
			.setKey(job.key)
			.setType(job.type)
			.setProcessInstanceKey(job.processInstanceKey)
			.setBpmnProcessId(job.bpmnProcessId)
			.setProcessDefinitionVersion(job.version)
			.setProcessDefinitionKey(job.processDefinitionKey)
			.setElementId(job.elementId)
			.setElementInstanceKey(job.elementInstanceKey)
			.setCustomHeaders(job.customHeaders)
			.setWorker((job.worker != null) ? job.worker : "")
			.setRetries(job.retries)
			.setDeadline((job.deadline != null) ? job.deadline : 0)
			.setVariables(variables(activated.variables()))
			.setTenantId(DEFAULT_TENANT)
			.setKind(job.isExecutionListener() ? GatewayOuterClass.ActivatedJob.JobKind.EXECUTION_LISTENER
					: GatewayOuterClass.ActivatedJob.JobKind.BPMN_ELEMENT)
			.setListenerEventType(listenerEventType(job))
			.build();
	}

	/**
	 * Writes variables whose values are still the stored JSON text without parsing them.
	 */
	private static String variables(Map<String, Object> variables) {
		StringBuilder json = new StringBuilder("{");
		variables.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(Json.write(name)).append(':');
			json.append((value instanceof RawJson raw) ? raw.json() : Json.write(value));
		});
		return json.append('}').toString();
	}

}
