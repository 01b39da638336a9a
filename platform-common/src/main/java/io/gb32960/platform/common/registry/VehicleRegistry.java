package io.gb32960.platform.common.registry;

import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Registered vehicles and platform accounts in Redis (layout: {@link RedisKeys}). Every call is
 * asynchronous, so an event loop never waits on Redis. The admin backend writes, access nodes read.
 */
public final class VehicleRegistry {

    private final RedissonClient redis;

    public VehicleRegistry(RedissonClient redis) {
        this.redis = redis;
    }

    public CompletionStage<Optional<RegisteredVehicle>> vehicle(String vin) {
        return redis.<String, String>getMap(RedisKeys.vehicle(vin), StringCodec.INSTANCE).readAllMapAsync()
                .thenApply(fields -> fields.isEmpty() ? Optional.empty() : Optional.of(toVehicle(vin, fields)));
    }

    public CompletionStage<Optional<PlatformAccount>> account(String account) {
        return redis.<String, String>getMap(RedisKeys.platformAccount(account), StringCodec.INSTANCE).readAllMapAsync()
                .thenApply(fields -> fields.isEmpty() ? Optional.empty() : Optional.of(toAccount(account, fields)));
    }

    public CompletionStage<Void> register(RegisteredVehicle v) {
        Map<String, String> fields = new HashMap<>();
        fields.put("iccid", v.iccid());
        fields.put("terminalModel", v.terminalModel());
        fields.put("responseStyle", v.responseStyle().name());
        fields.put("upgradeLayout", v.upgradeLayout().name());
        fields.put("enabled", Boolean.toString(v.enabled()));
        return redis.<String, String>getMap(RedisKeys.vehicle(v.vin()), StringCodec.INSTANCE).putAllAsync(fields);
    }

    public CompletionStage<Boolean> unregister(String vin) {
        return redis.getKeys().deleteAsync(RedisKeys.vehicle(vin)).thenApply(n -> n > 0);
    }

    public CompletionStage<Void> saveAccount(PlatformAccount a) {
        Map<String, String> fields = new HashMap<>();
        fields.put("salt", a.secret().saltBase64());
        fields.put("hash", a.secret().hashBase64());
        fields.put("iterations", Integer.toString(a.secret().iterations()));
        fields.put("enabled", Boolean.toString(a.enabled()));
        return redis.<String, String>getMap(RedisKeys.platformAccount(a.account()), StringCodec.INSTANCE)
                .putAllAsync(fields);
    }

    /**
     * Removes a platform account, so that access nodes refuse its platform login 0x05 (a node's
     * short-lived account cache may still accept it until that entry expires).
     *
     * @return whether the account was registered
     */
    public CompletionStage<Boolean> removeAccount(String account) {
        return redis.getKeys().deleteAsync(RedisKeys.platformAccount(account)).thenApply(n -> n > 0);
    }

    /** A vehicle from the fields of its registry hash ({@code vehicle:{VIN}}). */
    public static RegisteredVehicle toVehicle(String vin, Map<String, String> f) {
        return new RegisteredVehicle(vin, f.get("iccid"), f.get("terminalModel"),
                parse(ResponseStyle.class, f.get("responseStyle"), ResponseStyle.TIME_ONLY),
                parse(UpgradeLayout.class, f.get("upgradeLayout"), UpgradeLayout.TABLE_B16_BINARY),
                !"false".equals(f.get("enabled")));
    }

    private static PlatformAccount toAccount(String account, Map<String, String> f) {
        HashedSecret secret = HashedSecret.fromBase64(f.getOrDefault("salt", ""), f.getOrDefault("hash", ""),
                Integer.parseInt(f.getOrDefault("iterations", Integer.toString(HashedSecret.DEFAULT_ITERATIONS))));
        return new PlatformAccount(account, secret, !"false".equals(f.get("enabled")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
