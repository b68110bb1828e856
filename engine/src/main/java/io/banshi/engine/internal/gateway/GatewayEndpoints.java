package io.banshi.engine.internal.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.banshi.engine.EngineClock;
import io.banshi.engine.internal.deploy.DeploymentService;
import io.banshi.engine.internal.jobs.ActivatedJob;
import io.banshi.engine.internal.jobs.JobDispatcher;
import io.banshi.engine.internal.jobs.JobSink;
import io.banshi.engine.internal.processing.CommandProcessor;
import io.banshi.engine.internal.EngineException;
import io.banshi.engine.internal.state.Entities.ProcessInstance;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * What each RPC does, in engine terms. The {@link GatewayService} only routes to these.
 */
public final class GatewayEndpoints {

	/** The version this gateway reports; the client only displays it. */
	static final String VERSION = "8.8.14-banshi";

	private static final long DEFAULT_RESULT_TIMEOUT = 20_000;

	private final DeploymentService deployments;

	private final CommandProcessor commands;

	private final JobDispatcher dispatcher;

	private final EngineClock clock;

	private final ScheduledExecutorService timers;

	private final String host;

	private final java.util.function.IntSupplier port;

	public GatewayEndpoints(DeploymentService deployments, CommandProcessor commands, JobDispatcher dispatcher,
			EngineClock clock, ScheduledExecutorService timers, String host, java.util.function.IntSupplier port) {
		this.deployments = deployments;
		this.commands = commands;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.timers = timers;
		this.host = host;
		this.port = port;
	}

	TopologyResponse topology(TopologyRequest request) {
		return TopologyResponse.newBuilder()
			.setClusterSize(1)
			.setPartitionsCount(1)
			.setReplicationFactor(1)
			.setGatewayVersion(VERSION)
			.addBrokers(BrokerInfo.newBuilder()
				.setNodeId(0)
				.setHost(this.host)
				.setPort(this.port.getAsInt())
				.setVersion(VERSION)
				.addPartitions(Partition.newBuilder()
					.setPartitionId(1)
					.setRole(Partition.PartitionBrokerRole.LEADER)
					.setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
			.build();
	}

	DeployResourceResponse deployResource(DeployResourceRequest request) {
		List<DeploymentService.Resource> resources = new ArrayList<>();
		for (Resource resource : request.getResourcesList()) {
			resources.add(new DeploymentService.Resource(resource.getName(), resource.getContent().toByteArray()));
		}
		return ResponseMapper.deployment(this.deployments.deploy(resources, this.clock.millis()));
	}

	CreateProcessInstanceResponse createProcessInstance(CreateProcessInstanceRequest request) {
		return ResponseMapper.created(create(request));
	}

	private ProcessInstance create(CreateProcessInstanceRequest request) {
		if (request.getStartInstructionsCount() > 0) {
			throw EngineException.invalidArgument(
					"Expected to start at the none start event, but start instructions are not supported yet");
		}
		Map<String, Object> variables = RequestMapper.variables(request.getVariables());
		return this.commands.createInstance(request.getProcessDefinitionKey(), request.getBpmnProcessId(),
				request.getVersion(), variables, null);
	}

	void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
			StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
		AtomicBoolean answered = new AtomicBoolean();
		List<String> fetch = request.getFetchVariablesList();
		long timeout = RequestMapper.timeout(request.getRequestTimeout(), DEFAULT_RESULT_TIMEOUT);
		ProcessInstance[] created = new ProcessInstance[1];
		Runnable[] cancel = new Runnable[1];
		CreateProcessInstanceRequest create = request.getRequest();
		// The waiter is registered inside the creating transaction, before anything can
		// complete the instance (it may even fire before createInstance returns); the
		// AtomicBoolean makes sure the caller gets exactly one answer.
		try {
			created[0] = this.commands.createInstance(create.getProcessDefinitionKey(), create.getBpmnProcessId(),
					create.getVersion(), RequestMapper.variables(create.getVariables()),
					(instance) -> cancel[0] = this.dispatcher.awaitInstance(instance.key,
							(variables) -> respondResult(observer, answered, instance, variables, fetch)));
		}
		catch (RuntimeException ex) {
			if (cancel[0] != null) {
				cancel[0].run();
			}
			throw ex;
		}
		this.timers.schedule(() -> {
			if (answered.compareAndSet(false, true)) {
				cancel[0].run();
				observer.onError(ErrorMapper.map(new EngineException(EngineException.Rejection.TIMEOUT,
						"Expected to complete process instance with key '" + created[0].key + "' within " + timeout
								+ " ms, but it did not; the instance keeps running")));
			}
		}, timeout, TimeUnit.MILLISECONDS);
	}

	private static void respondResult(StreamObserver<CreateProcessInstanceWithResultResponse> observer,
			AtomicBoolean answered, ProcessInstance instance, Map<String, Object> variables, List<String> fetch) {
		if (!answered.compareAndSet(false, true)) {
			return;
		}
		if (variables == null) {
			observer.onError(ErrorMapper.map(EngineException.invalidState(
					"Expected process instance with key '" + instance.key + "' to complete, but it was terminated")));
			return;
		}
		observer.onNext(ResponseMapper.result(instance, variables, fetch));
		observer.onCompleted();
	}

	CancelProcessInstanceResponse cancelProcessInstance(CancelProcessInstanceRequest request) {
		this.commands.cancelInstance(request.getProcessInstanceKey());
		return CancelProcessInstanceResponse.getDefaultInstance();
	}

	void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
		RequestMapper.requireType(request.getType());
		if (request.getMaxJobsToActivate() < 1) {
			throw EngineException.invalidArgument("Expected to activate at least one job, but maxJobsToActivate is "
					+ request.getMaxJobsToActivate());
		}
		this.dispatcher.activateJobs(request.getType(), request.getWorker(),
				RequestMapper.timeout(request.getTimeout(), 300_000), request.getMaxJobsToActivate(),
				request.getFetchVariableList(), request.getRequestTimeout(),
				((ServerCallStreamObserver<ActivateJobsResponse>) observer)::isCancelled, (jobs) -> {
					try {
						observer.onNext(ResponseMapper.jobs(jobs));
						observer.onCompleted();
					}
					catch (RuntimeException ex) {
						// The caller went away; the jobs time out and are handed out
						// again.
					}
				});
	}

	void streamActivatedJobs(StreamActivatedJobsRequest request,
			StreamObserver<io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob> observer) {
		RequestMapper.requireType(request.getType());
		ServerCallStreamObserver<io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob> call = (ServerCallStreamObserver<io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob>) observer;
		AtomicBoolean open = new AtomicBoolean(true);
		JobSink sink = new JobSink() {
			@Override
			public boolean push(ActivatedJob job) {
				if (!open.get()) {
					return false;
				}
				try {
					synchronized (call) {
						call.onNext(ResponseMapper.job(job));
					}
					return true;
				}
				catch (RuntimeException ex) {
					open.set(false);
					return false;
				}
			}

			@Override
			public boolean isOpen() {
				return open.get() && !call.isCancelled();
			}
		};
		Runnable close = this.dispatcher.openStream(request.getType(), request.getWorker(),
				RequestMapper.timeout(request.getTimeout(), 300_000), request.getFetchVariableList(), sink);
		call.setOnCancelHandler(() -> {
			open.set(false);
			close.run();
		});
	}

	CompleteJobResponse completeJob(CompleteJobRequest request) {
		this.commands.completeJob(request.getJobKey(), RequestMapper.variables(request.getVariables()));
		return CompleteJobResponse.getDefaultInstance();
	}

	FailJobResponse failJob(FailJobRequest request) {
		this.commands.failJob(request.getJobKey(), request.getRetries(), request.getErrorMessage(),
				request.getRetryBackOff(), RequestMapper.variables(request.getVariables()));
		return FailJobResponse.getDefaultInstance();
	}

	ThrowErrorResponse throwError(ThrowErrorRequest request) {
		if (request.getErrorCode().isBlank()) {
			throw EngineException.invalidArgument("Expected to throw an error with a code, but the code is empty");
		}
		this.commands.throwError(request.getJobKey(), request.getErrorCode(), request.getErrorMessage(),
				RequestMapper.variables(request.getVariables()));
		return ThrowErrorResponse.getDefaultInstance();
	}

	UpdateJobRetriesResponse updateJobRetries(UpdateJobRetriesRequest request) {
		this.commands.updateJobRetries(request.getJobKey(), request.getRetries());
		return UpdateJobRetriesResponse.getDefaultInstance();
	}

	UpdateJobTimeoutResponse updateJobTimeout(UpdateJobTimeoutRequest request) {
		this.commands.updateJobTimeout(request.getJobKey(), request.getTimeout());
		return UpdateJobTimeoutResponse.getDefaultInstance();
	}

	ResolveIncidentResponse resolveIncident(ResolveIncidentRequest request) {
		this.commands.resolveIncident(request.getIncidentKey());
		return ResolveIncidentResponse.getDefaultInstance();
	}

	PublishMessageResponse publishMessage(PublishMessageRequest request) {
		long key = this.commands.publishMessage(request.getName(), request.getCorrelationKey(),
				Math.max(0, request.getTimeToLive()), request.getMessageId(),
				RequestMapper.variables(request.getVariables()));
		return PublishMessageResponse.newBuilder().setKey(key).setTenantId("<default>").build();
	}

	SetVariablesResponse setVariables(SetVariablesRequest request) {
		long key = this.commands.setVariables(request.getElementInstanceKey(),
				RequestMapper.variables(request.getVariables()), request.getLocal());
		return SetVariablesResponse.newBuilder().setKey(key).build();
	}

}
