package io.gb32960.admin.command;

import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.redis.SessionStore;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.UUID;

/**
 * This instance's command gateway (platform-common): its own reply channel, results of queued
 * commands written to the command log whoever sent them.
 */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CommandConfiguration.class);

    /**
     * Where results are stored: gateway futures complete on Redisson's threads, which must not wait
     * for the database.
     */
    @Bean(destroyMethod = "shutdown")
    CommandResultExecutor commandResultExecutor() {
        return new CommandResultExecutor(4);
    }

    @Bean(destroyMethod = "close")
    CommandGateway commandGateway(RedissonClient redis, SessionStore sessions, CommandProperties properties,
                                  CommandLogRepository commandLog, BatchRepository batches, Clock clock,
                                  CommandResultExecutor executor) {
        String id = properties.gatewayId().isBlank()
                ? "admin-" + UUID.randomUUID().toString().substring(0, 8) : properties.gatewayId();
        CommandGateway gateway = new CommandGateway(redis, sessions, new CommandGateway.Settings(id,
                properties.resendInterval(), properties.maxResends(), properties.grace())).start();
        gateway.onQueuedResults(result -> executor.execute(() -> {
            try {
                if (commandLog.completeQueued(result)) {
                    batches.completeQueued(result.id(), result.status().name(), result.detail(), clock.instant());
                }
            } catch (RuntimeException e) {
                log.warn("result of queued command {} not stored: {}", result.id(), e.toString());
            }
        }));
        log.info("command gateway {} started", id);
        return gateway;
    }
}
