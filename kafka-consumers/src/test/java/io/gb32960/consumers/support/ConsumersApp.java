package io.gb32960.consumers.support;

import io.gb32960.consumers.ConsumersApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application in this JVM against a {@link TestEnv}; closing it is a graceful shutdown. */
public final class ConsumersApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ConsumersApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Command-line properties: they win over kafka-consumers.yml. */
    public static ConsumersApp start(TestEnv env, String... extra) {
        return new ConsumersApp(ConsumersApplication.builder()
                .run(env.appArgs(extra).toArray(String[]::new)));
    }

    public MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    /** A resolved property of the application's environment. */
    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The sum of the counters named {@code name} with the given tag pairs, whatever their other tags. */
    public double count(String name, String... tags) {
        return meters().find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        context.close();
    }
}
