package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.FirmwarePages;
import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.redis.SessionStore;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** This instance's command gateway (its own reply channel) and the executor results are stored on. */
@Configuration(proxyBeanMethods = false)
class RolloutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RolloutConfiguration.class);

    @Bean(destroyMethod = "close")
    CommandGateway otaCommandGateway(RedissonClient redis, SessionStore sessions, RolloutProperties properties) {
        String id = properties.gatewayId().isBlank()
                ? "ota-" + UUID.randomUUID().toString().substring(0, 8) : properties.gatewayId();
        CommandGateway gateway = new CommandGateway(redis, sessions, new CommandGateway.Settings(id,
                properties.resendInterval(), properties.maxResends(), Duration.ofSeconds(2))).start();
        log.info("OTA command gateway {} started", id);
        return gateway;
    }

    /** The supplier portal's view of its devices' upgrades. */
    @Bean
    FirmwarePages.SupplierRollouts supplierRollouts(RolloutRepository rollouts) {
        return actor -> rollouts.bySupplier(RolloutApiController.scope(actor), null, null, 500);
    }

    /**
     * Gateway futures complete on Redisson's threads, which must not wait for the database: results
     * are stored here. Bounded; when full, the tick thread or the caller stores the result itself.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor rolloutResultExecutor() {
        return new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(50_000),
                r -> {
                    Thread t = new Thread(r, "ota-results");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
