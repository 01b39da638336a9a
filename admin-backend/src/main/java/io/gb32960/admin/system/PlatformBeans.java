package io.gb32960.admin.system;

import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The shared Redis contracts of platform-common, on the service's Redisson client. */
@Configuration(proxyBeanMethods = false)
class PlatformBeans {

    @Bean
    VehicleRegistry vehicleRegistry(RedissonClient redis) {
        return new VehicleRegistry(redis);
    }

    @Bean
    SessionStore sessionStore(RedissonClient redis) {
        return new SessionStore(redis);
    }

    @Bean
    NodeRegistry nodeRegistry(RedissonClient redis, Clock clock) {
        return new NodeRegistry(redis, clock);
    }
}
