package io.banshi.admin.engine;

import java.net.URI;
import java.time.Duration;

import io.banshi.engine.BanshiEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's {@link CamundaClient}: the one client the job workers, the errand API
 * and the console use to reach the engine.
 *
 * <ul>
 * <li>{@code engine.embedded=true} (the default): a client for the embedded engine's
 * gateway on this machine, over gRPC in plaintext ({@code prefer-rest-over-grpc=false}:
 * the engine serves only the gRPC gateway).</li>
 * <li>{@code engine.embedded=false}: a client for a Camunda 8 cluster, from the usual
 * settings {@code camunda.client.grpc-address}, {@code camunda.client.rest-address},
 * {@code camunda.client.prefer-rest-over-grpc} (default {@code true}, as the client's),
 * and for OAuth {@code camunda.client.auth.client-id}, {@code client-secret},
 * {@code token-url} and {@code audience}; the client's own {@code CAMUNDA_*} environment
 * variables override them. {@code camunda.client.enabled=false} makes no client (the
 * application then runs no job workers and starts no errands).</li>
 * </ul>
 * A {@code CamundaClient} bean the application declares itself wins over both.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClientConfiguration {

	/** Threads that run job handlers; handlers wait on the database and plugins. */
	static final int WORKER_THREADS = 4;

	/**
	 * The client of the embedded engine.
	 * @param engines the embedded engine (started by the engine's auto-configuration)
	 * @param environment to read {@code engine.gateway.host}
	 * @return the client, closed with the application
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CamundaClient.class)
	@ConditionalOnProperty(prefix = "engine", name = "embedded", havingValue = "true", matchIfMissing = true)
	public CamundaClient camundaClient(ObjectProvider<BanshiEngine> engines, Environment environment) {
		BanshiEngine engine = engines.getObject();
		String host = environment.getProperty("engine.gateway.host", "127.0.0.1");
		if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
			host = "127.0.0.1";
		}
		URI address = URI.create("http://" + host + ":" + engine.port());
		return CamundaClient.newClientBuilder()
			.grpcAddress(address)
			.restAddress(address)
			.preferRestOverGrpc(false)
			.numJobWorkerExecutionThreads(WORKER_THREADS)
			.defaultRequestTimeout(Duration.ofSeconds(20))
			.build();
	}

	/**
	 * The client of a Camunda 8 cluster, when the engine is not embedded.
	 * @param environment the {@code camunda.client.*} settings
	 * @return the client, closed with the application
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CamundaClient.class)
	@ConditionalOnExpression("'${engine.embedded:true}' == 'false' and '${camunda.client.enabled:true}' == 'true'")
	public CamundaClient clusterCamundaClient(Environment environment) {
		CamundaClientBuilder builder = CamundaClient.newClientBuilder()
			.numJobWorkerExecutionThreads(WORKER_THREADS)
			.preferRestOverGrpc(environment.getProperty("camunda.client.prefer-rest-over-grpc", Boolean.class, true));
		String grpc = environment.getProperty("camunda.client.grpc-address");
		if (grpc != null) {
			builder.grpcAddress(URI.create(grpc));
		}
		String rest = environment.getProperty("camunda.client.rest-address");
		if (rest != null) {
			builder.restAddress(URI.create(rest));
		}
		String clientId = environment.getProperty("camunda.client.auth.client-id");
		if (clientId != null) {
			builder.credentialsProvider(CredentialsProvider.newCredentialsProviderBuilder()
				.clientId(clientId)
				.clientSecret(environment.getProperty("camunda.client.auth.client-secret"))
				.authorizationServerUrl(environment.getProperty("camunda.client.auth.token-url"))
				.audience(environment.getProperty("camunda.client.auth.audience"))
				.build());
		}
		return builder.build();
	}

}
