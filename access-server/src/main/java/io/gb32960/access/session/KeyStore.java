package io.gb32960.access.session;

import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.wire.Bytes;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Keys terminals hand over: the 2025 activation public key and exchanged data-unit keys (0x0B). */
public final class KeyStore {

    private final RedissonClient redis;

    public KeyStore(RedissonClient redis) {
        this.redis = redis;
    }

    public CompletionStage<Void> storePublicKey(String vin, Bytes publicKey) {
        return redis.<String>getBucket(RedisKeys.publicKey(vin), StringCodec.INSTANCE).setAsync(publicKey.toHex());
    }

    public CompletionStage<Void> storeDataKey(KeyExchange exchange) {
        return redis.<String, String>getMap(RedisKeys.dataKey(exchange.vin()), StringCodec.INSTANCE).putAllAsync(Map.of(
                "type", EncryptionType.labelOf(exchange.keyType()),
                "key", exchange.key().toHex(),
                "enableTime", exchange.enableTime().toString(),
                "expiryTime", exchange.expiryTime().toString()));
    }
}
