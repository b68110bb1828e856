package io.banshi.admin.engine;

import java.net.URI;

import io.banshi.engine.BanshiEngine;
import io.camunda.client.CamundaClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's Camunda 8 client. It talks gRPC to the embedded engine on the port
 * the engine actually bound (which may be random in tests), or, with
 * {@code engine.embedded=false}, to {@code banshi.engine.grpc-address}.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClientConfiguration {

	/**
	 * The client, closed with the application context.
	 * @param engine the embedded engine, when one runs in this application
	 * @param address the gateway to use when no engine is embedded
	 * @return the client
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(CamundaClient.class)
	public CamundaClient camundaClient(ObjectProvider<BanshiEngine> engine,
			@Value("${banshi.engine.grpc-address:http://127.0.0.1:26500}") String address) {
		BanshiEngine embedded = engine.getIfAvailable();
		URI gateway = (embedded != null) ? URI.create("http://127.0.0.1:" + embedded.port()) : URI.create(address);
		return CamundaClient.newClientBuilder()
			.grpcAddress(gateway)
			.restAddress(gateway)
			.preferRestOverGrpc(false)
			.build();
	}

}
