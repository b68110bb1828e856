package io.banshi.engine.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code engine.*} settings.
 */
@ConfigurationProperties("engine")
public class EngineProperties {

	/** Whether to start the embedded engine on the application's DataSource. */
	private boolean embedded = true;

	private final Gateway gateway = new Gateway();

	/**
	 * How often expired job activations, ended back-offs and waiting workers are checked.
	 */
	private Duration sweepInterval = Duration.ofMillis(100);

	public boolean isEmbedded() {
		return this.embedded;
	}

	public void setEmbedded(boolean embedded) {
		this.embedded = embedded;
	}

	public Gateway getGateway() {
		return this.gateway;
	}

	public Duration getSweepInterval() {
		return this.sweepInterval;
	}

	public void setSweepInterval(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

	/** The {@code engine.gateway.*} settings. */
	public static class Gateway {

		/** The address the gRPC gateway binds to; only this machine by default. */
		private String host = "127.0.0.1";

		/** The gRPC gateway port (Zeebe's default); 0 picks a free port. */
		private int port = 26500;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

}
