package io.banshi.engine.internal.gateway;

import java.util.function.Function;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
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
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The Zeebe gateway protocol. Each RPC is one line: the {@link GatewayEndpoints} does the
 * work, the {@link ErrorMapper} turns failures into statuses.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

	private final GatewayEndpoints endpoints;

	public GatewayService(GatewayEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
		unary(request, observer, this.endpoints::topology);
	}

	@Override
	public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
		unary(request, observer, this.endpoints::deployResource);
	}

	@Override
	public void createProcessInstance(CreateProcessInstanceRequest request,
			StreamObserver<CreateProcessInstanceResponse> observer) {
		unary(request, observer, this.endpoints::createProcessInstance);
	}

	@Override
	public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
			StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
		streaming(() -> this.endpoints.createProcessInstanceWithResult(request, observer), observer);
	}

	@Override
	public void cancelProcessInstance(CancelProcessInstanceRequest request,
			StreamObserver<CancelProcessInstanceResponse> observer) {
		unary(request, observer, this.endpoints::cancelProcessInstance);
	}

	@Override
	public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
		streaming(() -> this.endpoints.activateJobs(request, observer), observer);
	}

	@Override
	public void streamActivatedJobs(StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
		streaming(() -> this.endpoints.streamActivatedJobs(request, observer), observer);
	}

	@Override
	public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
		unary(request, observer, this.endpoints::completeJob);
	}

	@Override
	public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
		unary(request, observer, this.endpoints::failJob);
	}

	@Override
	public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
		unary(request, observer, this.endpoints::throwError);
	}

	@Override
	public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
		unary(request, observer, this.endpoints::updateJobRetries);
	}

	@Override
	public void updateJobTimeout(UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
		unary(request, observer, this.endpoints::updateJobTimeout);
	}

	@Override
	public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
		unary(request, observer, this.endpoints::resolveIncident);
	}

	@Override
	public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
		unary(request, observer, this.endpoints::setVariables);
	}

	@Override
	public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
		unary(request, observer, this.endpoints::publishMessage);
	}

	@Override
	public void evaluateDecision(EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
		unimplemented("EvaluateDecision", "DMN is not supported", observer);
	}

	@Override
	public void deployProcess(DeployProcessRequest request, StreamObserver<DeployProcessResponse> observer) {
		unimplemented("DeployProcess", "it is deprecated; use DeployResource", observer);
	}

	@Override
	public void modifyProcessInstance(ModifyProcessInstanceRequest request,
			StreamObserver<ModifyProcessInstanceResponse> observer) {
		unimplemented("ModifyProcessInstance", "process instance modification is not supported yet", observer);
	}

	@Override
	public void migrateProcessInstance(MigrateProcessInstanceRequest request,
			StreamObserver<MigrateProcessInstanceResponse> observer) {
		unimplemented("MigrateProcessInstance", "process instance migration is not supported yet", observer);
	}

	@Override
	public void deleteResource(DeleteResourceRequest request, StreamObserver<DeleteResourceResponse> observer) {
		unimplemented("DeleteResource", "deployed resources cannot be deleted yet", observer);
	}

	@Override
	public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
		unimplemented("BroadcastSignal", "signal events are not supported yet", observer);
	}

	private static <Q, R> void unary(Q request, StreamObserver<R> observer, Function<Q, R> endpoint) {
		R response;
		try {
			response = endpoint.apply(request);
		}
		catch (RuntimeException ex) {
			observer.onError(ErrorMapper.map(ex));
			return;
		}
		observer.onNext(response);
		observer.onCompleted();
	}

	private static void streaming(Runnable endpoint, StreamObserver<?> observer) {
		try {
			endpoint.run();
		}
		catch (RuntimeException ex) {
			observer.onError(ErrorMapper.map(ex));
		}
	}

	private static void unimplemented(String rpc, String why, StreamObserver<?> observer) {
		observer.onError(Status.UNIMPLEMENTED
			.withDescription("The Banshi engine does not implement " + rpc + ": " + why + ". See engine/README.md.")
			.asRuntimeException());
	}

}
