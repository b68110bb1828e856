package io.banshi.engine.internal.gateway;

import io.banshi.engine.internal.EngineException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where engine failures become gRPC statuses, with the codes Zeebe's
 * gateway uses: NOT_FOUND for unknown keys, FAILED_PRECONDITION for a command that does
 * not fit the state, INVALID_ARGUMENT for bad requests, INTERNAL for the engine's own
 * faults.
 */
final class ErrorMapper {

	private static final Logger logger = LoggerFactory.getLogger(ErrorMapper.class);

	private ErrorMapper() {
	}

	static StatusRuntimeException map(Throwable error) {
		if (error instanceof StatusRuntimeException status) {
			return status;
		}
		if (error instanceof EngineException rejection) {
			// Zeebe's form: Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected
			// to ...
			String prefix = "Command " + ((rejection.intent() != null) ? "'" + rejection.intent() + "' " : "")
					+ "rejected with code '" + rejection.rejection() + "': ";
			Status status = switch (rejection.rejection()) {
				case NOT_FOUND -> Status.NOT_FOUND;
				case INVALID_STATE -> Status.FAILED_PRECONDITION;
				case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
				case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
				case TIMEOUT -> Status.DEADLINE_EXCEEDED;
			};
			return status.withDescription(prefix + rejection.getMessage()).asRuntimeException();
		}
		logger.error("Unexpected engine failure", error);
		return Status.INTERNAL
			.withDescription(
					"Unexpected error in the engine: " + error.getClass().getSimpleName() + ": " + error.getMessage())
			.asRuntimeException();
	}

}
