package io.banshi.engine;

import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * How to run a {@link BanshiEngine}. Immutable; build with {@link #builder(DataSource)}.
 *
 * @param dataSource the database (already migrated with the Flyway migrations of
 * {@code db/})
 * @param host the address the gateway binds to; default {@code 127.0.0.1}
 * @param port the gateway port; default 26500, 0 picks a free port
 * @param clock the engine's clock; default the system clock
 * @param sweepInterval how often expired activations, ended back-offs and waiting workers
 * are checked; default 100 ms
 * @param keyBlockSize how many keys a node reserves at once; default 1000
 * @param gatewayThreads threads serving RPCs (they block on the database); default 16
 */
public record EngineConfiguration(DataSource dataSource, String host, int port, EngineClock clock,
		Duration sweepInterval, int keyBlockSize, int gatewayThreads) {

	/** The default gateway port, as Zeebe's. */
	public static final int DEFAULT_PORT = 26500;

	public EngineConfiguration {
		Objects.requireNonNull(dataSource, "dataSource");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(sweepInterval, "sweepInterval");
	}

	/**
	 * Starts a configuration with the defaults.
	 * @param dataSource the database
	 * @return a builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * Builds an {@link EngineConfiguration}; every setter documents its default above.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private String host = "127.0.0.1";

		private int port = DEFAULT_PORT;

		private EngineClock clock = EngineClock.system();

		private Duration sweepInterval = Duration.ofMillis(100);

		private int keyBlockSize = 1000;

		private int gatewayThreads = 16;

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		/**
		 * Sets the address the gateway binds to (default {@code 127.0.0.1}).
		 * @param host the value
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the gateway port (default 26500; 0 picks a free port).
		 * @param port the value
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the engine clock (default the system clock).
		 * @param clock the value
		 * @return this builder
		 */
		public Builder clock(EngineClock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets how often due work is checked (default 100 ms).
		 * @param sweepInterval the value
		 * @return this builder
		 */
		public Builder sweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
			return this;
		}

		/**
		 * Sets how many keys to reserve at once (default 1000).
		 * @param keyBlockSize the value
		 * @return this builder
		 */
		public Builder keyBlockSize(int keyBlockSize) {
			this.keyBlockSize = keyBlockSize;
			return this;
		}

		/**
		 * Sets the most threads serving RPCs (default 16, capped by a Hikari pool's size
		 * minus four).
		 * @param gatewayThreads the value
		 * @return this builder
		 */
		public Builder gatewayThreads(int gatewayThreads) {
			this.gatewayThreads = gatewayThreads;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 */
		public EngineConfiguration build() {
			return new EngineConfiguration(this.dataSource, this.host, this.port, this.clock, this.sweepInterval,
					this.keyBlockSize, this.gatewayThreads);
		}

	}

}
