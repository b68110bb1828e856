package io.banshi.workers.mcp;

/**
 * A third-party plugin could not be registered: the URL is not usable, nothing answers
 * there, what answers does not speak MCP, or it offers no usable tools. Registration
 * changed nothing when this is thrown.
 */
public class McpRegistrationException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what went wrong, naming the URL
	 * @param cause the underlying failure, may be {@code null}
	 */
	public McpRegistrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
