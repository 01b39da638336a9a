package io.gb32960.consumers.keys;

import com.google.common.base.Ticker;
import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.crypto.KeySpecs;
import io.gb32960.protocol.crypto.StaticKeyProvider;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    VehicleKeys vehicleKeys(ConsumersProperties props, ObjectProvider<RedissonClient> redis) {
        ConsumersProperties.Keys k = props.keys();
        return new VehicleKeys(k.redis() ? redis.getObject() : null, keyFile(k.keyFile()), k, Ticker.systemTicker());
    }

    private static KeyProvider keyFile(String file) {
        if (file == null || file.isBlank()) {
            return KeyProvider.NONE;
        }
        try {
            return StaticKeyProvider.of(KeySpecs.readFile(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }
}
