package io.banshi.engine.testing;

import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link TestEngine} and one Camunda client per test class,
 * injected as parameters of type {@link TestEngine} or {@link CamundaClient}. Tests use a
 * random process id each, so they never collide on the shared engine.
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(EngineExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		TestEngine engine = TestEngine.start(context.getRequiredTestClass().getSimpleName());
		context.getStore(NAMESPACE).put("engine", engine);
		context.getStore(NAMESPACE).put("client", engine.newClient());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		CamundaClient client = context.getStore(NAMESPACE).remove("client", CamundaClient.class);
		if (client != null) {
			client.close();
		}
		TestEngine engine = context.getStore(NAMESPACE).remove("engine", TestEngine.class);
		if (engine != null) {
			engine.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == TestEngine.class || type == CamundaClient.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		String key = (type == TestEngine.class) ? "engine" : "client";
		return context.getRoot().getStore(NAMESPACE).get(key) != null ? context.getRoot().getStore(NAMESPACE).get(key)
				: context.getStore(NAMESPACE).get(key);
	}

}
