package io.gb32960.admin.registry;

import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.vehicle.VehicleProperties;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies what MySQL holds into the Redis registry the access nodes read ({@link VehicleRegistry}).
 * MySQL is the truth: callers write there first, then mirror; when Redis does not take a change
 * within {@code registry-timeout}, the caller learns it (503) and the resync repairs it.
 */
@Component
public class RegistryMirror {

    private static final Logger log = LoggerFactory.getLogger(RegistryMirror.class);

    private final VehicleRegistry registry;
    private final Duration timeout;

    RegistryMirror(VehicleRegistry registry, VehicleProperties properties) {
        this.registry = registry;
        this.timeout = properties.registryTimeout();
    }

    public void vehicle(RegisteredVehicle v) {
        await(registry.register(v), "vehicle " + v.vin());
    }

    public void vehicles(Collection<RegisteredVehicle> vehicles) {
        await(CompletableFuture.allOf(vehicles.stream().map(v -> registry.register(v).toCompletableFuture())
                .toArray(CompletableFuture[]::new)), vehicles.size() + " vehicles");
    }

    public void removeVehicle(String vin) {
        await(registry.unregister(vin), "vehicle " + vin);
    }

    public void account(PlatformAccount account) {
        await(registry.saveAccount(account), "platform account " + account.account());
    }

    public void removeAccount(String account) {
        await(registry.removeAccount(account), "platform account " + account);
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(what, e);
        }
    }

    private static AdminException unavailable(String what, Exception e) {
        log.warn("Redis registry not updated for {}: {}", what, e.toString());
        return new AdminException(ErrorCode.UNAVAILABLE, "saved in the database, but the Redis registry did not take"
                + " the change of " + what + " (Redis unavailable); run the registry resync when Redis is back");
    }
}
