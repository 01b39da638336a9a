package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.Firmware;
import io.gb32960.ota.firmware.FirmwareRepository;
import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The rollout tick (hawkbit's {@code JpaRolloutHandler.handleAll}): every {@code tick}, one
 * instance of the cluster (a Redis lock) goes through the campaigns, each in its own try, and
 * <ol>
 *   <li>starts scheduled campaigns whose time has come;</li>
 *   <li>fails (or retries) vehicles whose download or verification deadline passed, and queries the
 *   firmware version of vehicles that downloaded;</li>
 *   <li>evaluates the running groups: pause at the error threshold, close a group at its success
 *   threshold and start the next one (or wait for an admin), finish the campaign;</li>
 *   <li>pushes the upgrade to pending vehicles of started groups, at most {@code push-rate} per second.</li>
 * </ol>
 */
@Component
class RolloutEngine {

    private static final Logger log = LoggerFactory.getLogger(RolloutEngine.class);
    private static final int BATCH = 1000;

    private final CampaignRepository campaigns;
    private final RolloutRepository rollouts;
    private final FirmwareRepository firmware;
    private final CampaignService service;
    private final UpgradePusher pusher;
    private final RolloutProperties properties;
    private final RedissonClient redis;
    private final Clock clock;

    RolloutEngine(CampaignRepository campaigns, RolloutRepository rollouts, FirmwareRepository firmware,
                  CampaignService service, UpgradePusher pusher, RolloutProperties properties, RedissonClient redis,
                  Clock clock) {
        this.campaigns = campaigns;
        this.rollouts = rollouts;
        this.firmware = firmware;
        this.service = service;
        this.pusher = pusher;
        this.properties = properties;
        this.redis = redis;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gb32960.ota.rollout.tick:2s}")
    void tick() {
        RLock lock = redis.getLock(RedisKeys.PREFIX + "ota:rollout-tick");
        boolean locked;
        try {
            // no lease: Redisson's watchdog keeps the lock while this instance lives, however long a tick takes
            locked = lock.tryLock();
        } catch (RuntimeException e) {
            log.warn("rollout tick skipped, Redis lock unavailable: {}", e.toString());
            return;
        }
        if (!locked) {
            return;
        }
        try {
            int budget = (int) Math.max(1, properties.pushRate() * properties.tick().toMillis() / 1000);
            for (Campaign c : campaigns.list(EnumSet.of(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING,
                    CampaignStatus.WAITING, CampaignStatus.PAUSED))) {
                try {
                    budget -= handle(c, budget);
                } catch (RuntimeException e) {
                    log.warn("campaign {} not handled in this tick: {}", c.id(), e.toString(), e);
                }
            }
        } finally {
            try {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                log.warn("rollout tick lock not released: {}", e.toString());
            }
        }
    }

    /** Handles one campaign; returns the pushes it used. */
    private int handle(Campaign c, int budget) {
        Instant now = clock.instant();
        if (c.status() == CampaignStatus.SCHEDULED) {
            if (c.scheduledAt() == null || !c.scheduledAt().isAfter(now)) {
                service.freezeAndRun(c, CampaignService.SYSTEM, now);
            }
            return 0;
        }
        expireDeadlines(c, now);
        for (String vin : rollouts.claimVerifications(c.id(), now, now.plus(properties.verifyDelay()), BATCH)) {
            pusher.verify(c, vin);
        }
        if (c.status() == CampaignStatus.RUNNING && !evaluate(c, now)) {
            return 0;
        }
        if (!c.status().delivering()) {
            return 0;
        }
        int n = Math.min(budget, pusher.capacity());
        if (n <= 0) {
            return 0;
        }
        Firmware fw = firmware.find(c.firmwareId()).orElseThrow();
        int pushed = 0;
        Instant hold = now.plus(properties.commandTimeout()).plusSeconds(5);
        for (String vin : rollouts.duePending(c.id(), now, n)) {
            if (rollouts.claim(c.id(), vin, now, hold)) {
                pusher.push(c, fw, vin);
                pushed++;
            }
        }
        return pushed;
    }

    private void expireDeadlines(Campaign c, Instant now) {
        Instant retryAt = now.plus(properties.retryDelay());
        for (Rollout r : rollouts.overdue(c.id(), now, BATCH)) {
            String reason = switch (r.state()) {
                case NOTIFIED -> "no download within " + properties.downloadTimeout() + " of the upgrade command";
                case DOWNLOADING -> "download not completed within " + properties.downloadTimeout();
                default -> "version unchanged after the deadline (reported "
                        + (r.reportedVersion() == null ? "nothing" : r.reportedVersion()) + ")";
            };
            rollouts.failOrRetry(c.id(), r.vin(), r.state(), reason, c.maxRetries(), now, retryAt);
        }
    }

    /** Applies the groups' conditions; false when the campaign stopped delivering (paused, waiting, finished). */
    private boolean evaluate(Campaign c, Instant now) {
        Map<Integer, Map<RolloutState, Integer>> counts = campaigns.counts(c.id());
        List<CampaignGroup> groups = campaigns.groups(c.id());
        // a group that met its success threshold still has vehicles under way: their failures count too
        for (CampaignGroup g : groups) {
            if (g.status() == CampaignGroup.GroupStatus.FINISHED
                    && GroupEvaluator.evaluate(g, counts.getOrDefault(g.groupNo(), Map.of()))
                    instanceof GroupEvaluator.Pause p && p.errors()) {
                service.pauseWith(c.id(), CampaignService.SYSTEM, p.reason());
                return false;
            }
        }
        for (CampaignGroup g : groups) {
            if (g.status() != CampaignGroup.GroupStatus.RUNNING) {
                continue;
            }
            GroupEvaluator.Decision d = GroupEvaluator.evaluate(g, counts.getOrDefault(g.groupNo(), Map.of()));
            if (d instanceof GroupEvaluator.Pause p) {
                service.pauseWith(c.id(), CampaignService.SYSTEM, p.reason());
                return false;
            }
            if (d instanceof GroupEvaluator.Succeeded s && campaigns.finishGroup(c.id(), g.groupNo(), now)) {
                campaigns.event(c.id(), CampaignService.SYSTEM, "GROUP_FINISHED", s.detail(), now);
                boolean more = groups.stream().anyMatch(x -> x.status() == CampaignGroup.GroupStatus.SCHEDULED);
                if (more && g.successAction() == SuccessAction.WAIT) {
                    campaigns.transition(c.id(), EnumSet.of(CampaignStatus.RUNNING), CampaignStatus.WAITING, null, now);
                    campaigns.event(c.id(), CampaignService.SYSTEM, "WAITING",
                            "group " + g.groupNo() + " succeeded; the next group waits for an administrator", now);
                    return true; // started groups keep being delivered
                }
                if (more) {
                    service.startNextGroup(c.id(), CampaignService.SYSTEM, now);
                }
                return evaluate(campaigns.find(c.id()).orElseThrow(), now);
            }
        }
        boolean allFinished = groups.stream().allMatch(g -> g.status() == CampaignGroup.GroupStatus.FINISHED);
        if (allFinished && rollouts.open(c.id()) == 0
                && campaigns.transition(c.id(), EnumSet.of(CampaignStatus.RUNNING), CampaignStatus.FINISHED, null, now)) {
            campaigns.event(c.id(), CampaignService.SYSTEM, "FINISHED", "every group finished", now);
            log.info("campaign {} finished", c.id());
            return false;
        }
        return true;
    }
}
