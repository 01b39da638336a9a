package io.gb32960.admin.registry;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.platform.PlatformAccountService;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.vehicle.VehicleRepository;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.registry.PlatformAccount;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the Redis registry from MySQL: every vehicle and platform account is written again (in
 * pages, asynchronously per page), and, when asked, registry entries without a row in MySQL are
 * removed (found with SCAN, not KEYS). One resync at a time in the cluster (a Redisson lock).
 */
@Service
public class RegistryResync {

    private static final Logger log = LoggerFactory.getLogger(RegistryResync.class);
    private static final int PAGE = 1000;
    private static final String VEHICLE_PATTERN = RedisKeys.PREFIX + "vehicle:*";
    private static final String ACCOUNT_PATTERN = RedisKeys.PREFIX + "platform:*";

    private final VehicleRepository vehicles;
    private final PlatformAccountService accounts;
    private final RegistryMirror mirror;
    private final RedissonClient redis;
    private final AuditLog audit;
    private final Clock clock;

    RegistryResync(VehicleRepository vehicles, PlatformAccountService accounts, RegistryMirror mirror,
                   RedissonClient redis, AuditLog audit, Clock clock) {
        this.vehicles = vehicles;
        this.accounts = accounts;
        this.mirror = mirror;
        this.redis = redis;
        this.audit = audit;
        this.clock = clock;
    }

    public ResyncReport resync(boolean removeOrphans) {
        RLock lock = redis.getLock(RedisKeys.PREFIX + "admin:resync-lock");
        if (!lock.tryLock()) {
            throw new AdminException(ErrorCode.CONFLICT, "a registry resync is running already");
        }
        try {
            Instant start = clock.instant();
            AtomicLong vehicleCount = new AtomicLong();
            vehicles.forEachRegistryPage(PAGE, page -> {
                mirror.vehicles(page);
                vehicleCount.addAndGet(page.size());
            });
            List<PlatformAccount> all = new ArrayList<>();
            accounts.forEach(all::add);
            all.forEach(mirror::account);
            long orphanVehicles = removeOrphans ? removeOrphanVehicles() : 0;
            long orphanAccounts = removeOrphans ? removeOrphanAccounts(all) : 0;
            ResyncReport report = new ResyncReport(vehicleCount.get(), all.size(), orphanVehicles, orphanAccounts,
                    Duration.between(start, clock.instant()));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("vehicles", report.vehicles());
            detail.put("accounts", report.accounts());
            detail.put("removeOrphans", removeOrphans);
            detail.put("orphanVehicles", orphanVehicles);
            detail.put("orphanAccounts", orphanAccounts);
            audit.record("REGISTRY_RESYNC", "registry", null, detail);
            log.info("registry resync: {}", report);
            return report;
        } finally {
            lock.unlock();
        }
    }

    private long removeOrphanVehicles() {
        long removed = 0;
        List<String> batch = new ArrayList<>(PAGE);
        for (String key : (Iterable<String>) redis.getKeys().getKeysStreamByPattern(VEHICLE_PATTERN, PAGE)::iterator) {
            String vin = hashTag(key);
            if (vin != null) {
                batch.add(vin);
            }
            if (batch.size() == PAGE) {
                removed += removeMissing(batch);
                batch.clear();
            }
        }
        return removed + removeMissing(batch);
    }

    private long removeMissing(List<String> vins) {
        Set<String> missing = new HashSet<>(vins);
        missing.removeAll(vehicles.existing(vins));
        missing.forEach(mirror::removeVehicle);
        return missing.size();
    }

    private long removeOrphanAccounts(List<PlatformAccount> all) {
        Set<String> known = new HashSet<>();
        all.forEach(a -> known.add(a.account()));
        long removed = 0;
        for (String key : (Iterable<String>) redis.getKeys().getKeysStreamByPattern(ACCOUNT_PATTERN, PAGE)::iterator) {
            String account = hashTag(key);
            if (account != null && !known.contains(account)) {
                mirror.removeAccount(account);
                removed++;
            }
        }
        return removed;
    }

    /** The text between the braces of a key of the shared layout ({@code gb32960:vehicle:{VIN}}). */
    static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        return open >= 0 && close > open ? key.substring(open + 1, close) : null;
    }
}
