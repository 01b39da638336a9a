package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.Firmware;
import io.gb32960.ota.firmware.FirmwareRepository;
import io.gb32960.ota.security.Actor;
import io.gb32960.ota.system.OtaAudit;
import io.gb32960.ota.system.OtaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Campaigns: created as DRAFT (validated, the target must match vehicles), started (now or at the
 * scheduled time: the target is frozen into per-vehicle rows and split into the groups), paused,
 * resumed (acknowledging the failures so far, or starting the next group of a WAITING campaign) and
 * canceled.
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    static final String SYSTEM = "system";

    private final CampaignRepository campaigns;
    private final RolloutRepository rollouts;
    private final FirmwareRepository firmware;
    private final TargetResolver targets;
    private final JsonMapper json;
    private final OtaAudit audit;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, RolloutRepository rollouts, FirmwareRepository firmware,
                    TargetResolver targets, JsonMapper json, OtaAudit audit, Clock clock) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.rollouts = rollouts;
        this.firmware = firmware;
        this.targets = targets;
        this.json = json;
        this.clock = clock;
    }

    /** A campaign with its groups, per-group and per-state counts, failure reasons and timeline. */
    public record CampaignView(Campaign campaign, List<GroupView> groups, Map<RolloutState, Integer> totals,
                               Map<String, Integer> failureReasons, List<CampaignRepository.Event> timeline) {
    }

    /** A group and its vehicles per state. */
    public record GroupView(CampaignGroup group, Map<RolloutState, Integer> counts) {
    }

    @Transactional
    public Campaign create(Actor actor, CampaignForm form) {
        Firmware fw = firmware.find(form.firmwareId())
                .orElseThrow(() -> OtaException.invalid("firmwareId", "no firmware " + form.firmwareId()));
        if (fw.status() != Firmware.FirmwareStatus.APPROVED) {
            throw OtaException.invalid("firmwareId", "firmware " + fw.id() + " is " + fw.status() + ", not APPROVED");
        }
        boolean explicit = form.groups().stream().anyMatch(g -> g.vins() != null);
        if (explicit) {
            for (int i = 0; i < form.groups().size(); i++) {
                CampaignForm.GroupForm g = form.groups().get(i);
                if (g.vins() == null || g.vins().isEmpty() || g.percent() != null) {
                    throw OtaException.invalid("groups[" + i + "]",
                            "explicit groups: every group lists its VINs and no percentage");
                }
            }
        } else {
            int previous = 0;
            for (int i = 0; i < form.groups().size(); i++) {
                Integer pct = form.groups().get(i).percent();
                if (pct == null || pct <= previous) {
                    throw OtaException.invalid("groups[" + i + "].percent",
                            "percentages are cumulative and rise from group to group (1..100)");
                }
                previous = pct;
            }
            if (previous != 100) {
                throw OtaException.invalid("groups[" + (form.groups().size() - 1) + "].percent",
                        "the last group reaches 100%");
            }
            CampaignForm.Target t = form.target();
            boolean hasVins = t.vins() != null && !t.vins().isEmpty();
            if (hasVins == (t.filter() != null)) {
                throw OtaException.invalid("target", "give either a VIN list or a filter");
            }
        }
        if (form.scheduledAt() != null && form.scheduledAt().isBefore(clock.instant())) {
            throw OtaException.invalid("scheduledAt", "the start time has passed");
        }
        if (targets.resolve(fw, form.target(), explicitVins(form), 0).isEmpty()) {
            throw OtaException.invalid("target", "no vehicle matches the target (vehicles of model "
                    + fw.terminalModel() + ", hardware " + fw.hardwareVersion() + ", not on " + fw.version()
                    + " and in no other running campaign)");
        }
        Instant now = clock.instant();
        long id = campaigns.insert(form.name(), fw.id(), json.writeValueAsString(form), form.maxRetries(),
                form.scheduledAt(), actor.name(), now);
        for (int i = 0; i < form.groups().size(); i++) {
            campaigns.insertGroup(id, i + 1, form.groups().get(i).percent(), form.groups().get(i));
        }
        campaigns.event(id, actor.name(), "CREATED", "firmware " + fw.terminalModel() + " " + fw.version(), now);
        log.info("campaign {} '{}' created by {}", id, form.name(), actor.name());
        audit.record(actor, "CAMPAIGN_CREATE", "campaign", id, Map.of("name", form.name(), "firmwareId", fw.id(),
                "version", fw.version(), "groups", form.groups().size()));
        return get(id);
    }

    private static List<String> explicitVins(CampaignForm form) {
        if (form.groups().stream().anyMatch(g -> g.vins() != null)) {
            Set<String> all = new LinkedHashSet<>();
            form.groups().forEach(g -> all.addAll(g.vins()));
            return List.copyOf(all);
        }
        return form.target().vins() == null || form.target().vins().isEmpty() ? null : form.target().vins();
    }

    public Campaign get(long id) {
        return campaigns.find(id).orElseThrow(() -> OtaException.notFound("campaign " + id));
    }

    public List<Campaign> list() {
        return campaigns.list(List.of());
    }

    public CampaignView view(long id) {
        Campaign c = get(id);
        Map<Integer, Map<RolloutState, Integer>> counts = campaigns.counts(id);
        Map<RolloutState, Integer> totals = new java.util.EnumMap<>(RolloutState.class);
        List<GroupView> groups = new ArrayList<>();
        for (CampaignGroup g : campaigns.groups(id)) {
            Map<RolloutState, Integer> n = counts.getOrDefault(g.groupNo(), Map.of());
            n.forEach((s, k) -> totals.merge(s, k, Integer::sum));
            groups.add(new GroupView(g, n));
        }
        return new CampaignView(c, groups, totals, campaigns.failureReasons(id), campaigns.events(id));
    }

    public List<Rollout> vehicles(long id, RolloutState state, int limit) {
        get(id);
        return rollouts.list(id, state, Math.max(1, Math.min(limit, 5000)));
    }

    /** Starts a DRAFT campaign now, or schedules it when its start time lies ahead. */
    @Transactional
    public Campaign start(Actor actor, long id) {
        Campaign c = get(id);
        Instant now = clock.instant();
        if (c.scheduledAt() != null && c.scheduledAt().isAfter(now)) {
            if (!campaigns.transition(id, EnumSet.of(CampaignStatus.DRAFT), CampaignStatus.SCHEDULED, null, now)) {
                throw OtaException.conflict("campaign " + id + " is " + c.status() + ", not DRAFT");
            }
            campaigns.event(id, actor.name(), "SCHEDULED", "starts at " + c.scheduledAt(), now);
            audit.record(actor, "CAMPAIGN_SCHEDULE", "campaign", id, Map.of("startsAt", c.scheduledAt().toString()));
            return get(id);
        }
        if (c.status() != CampaignStatus.DRAFT) {
            throw OtaException.conflict("campaign " + id + " is " + c.status() + ", not DRAFT");
        }
        freezeAndRun(c, actor.name(), now);
        audit.record(actor, "CAMPAIGN_START", "campaign", id, Map.of());
        return get(id);
    }

    /** Freezes the target into rollouts, splits it into the groups and starts group 1 (also for the scheduler). */
    @Transactional
    public void freezeAndRun(Campaign c, String actor, Instant now) {
        if (!campaigns.transition(c.id(), EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED),
                CampaignStatus.RUNNING, null, now)) {
            throw OtaException.conflict("campaign " + c.id() + " was started already");
        }
        CampaignForm form = json.readValue(c.definition(), CampaignForm.class);
        Firmware fw = firmware.find(c.firmwareId()).orElseThrow();
        List<TargetResolver.Candidate> frozen = targets.resolve(fw, form.target(), explicitVins(form), c.id());
        Map<String, String> versions = new HashMap<>();
        frozen.forEach(x -> versions.put(x.vin(), x.firmwareVersion()));
        List<RolloutRepository.Member> members = new ArrayList<>();
        int[] sizes = new int[form.groups().size()];
        if (form.groups().get(0).vins() != null) {
            Set<String> placed = new java.util.HashSet<>();
            for (int g = 0; g < form.groups().size(); g++) {
                for (String vin : form.groups().get(g).vins()) {
                    if (versions.containsKey(vin) && placed.add(vin)) {
                        members.add(new RolloutRepository.Member(vin, g + 1, versions.get(vin)));
                        sizes[g]++;
                    }
                }
            }
        } else {
            List<String> vins = new ArrayList<>(versions.keySet());
            Collections.sort(vins);
            Collections.shuffle(vins, new Random(c.id())); // groups spread over the fleet, reproducibly
            int from = 0;
            for (int g = 0; g < form.groups().size(); g++) {
                int to = (int) Math.ceil(vins.size() * form.groups().get(g).percent() / 100.0);
                for (int i = from; i < to; i++) {
                    members.add(new RolloutRepository.Member(vins.get(i), g + 1, versions.get(vins.get(i))));
                }
                sizes[g] = Math.max(0, to - from);
                from = Math.max(from, to);
            }
        }
        rollouts.insert(c.id(), members, now);
        for (int g = 0; g < sizes.length; g++) {
            campaigns.setGroupSize(c.id(), g + 1, sizes[g]);
        }
        campaigns.startGroup(c.id(), 1, now);
        campaigns.event(c.id(), actor, "STARTED", members.size() + " vehicles in " + sizes.length + " groups "
                + java.util.Arrays.toString(sizes), now);
        campaigns.event(c.id(), actor, "GROUP_STARTED", "group 1 (" + sizes[0] + " vehicles)", now);
        log.info("campaign {} started: {} vehicles, groups {}", c.id(), members.size(), java.util.Arrays.toString(sizes));
    }

    @Transactional
    public Campaign pause(Actor actor, long id) {
        pauseWith(id, actor.name(), "paused by " + actor.name());
        audit.record(actor, "CAMPAIGN_PAUSE", "campaign", id, Map.of());
        return get(id);
    }

    void pauseWith(long id, String actor, String reason) {
        Instant now = clock.instant();
        if (!campaigns.transition(id, EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.WAITING),
                CampaignStatus.PAUSED, reason, now)) {
            throw OtaException.conflict("campaign " + id + " is " + get(id).status() + ", not RUNNING or WAITING");
        }
        campaigns.event(id, actor, "PAUSED", reason, now);
        log.info("campaign {} paused: {}", id, reason);
    }

    /**
     * PAUSED: runs again; the failures so far are acknowledged (each running group's error threshold
     * applies to what happens from now), and a running group that finished without reaching its
     * success threshold is closed so the next one starts. WAITING: starts the next group.
     */
    @Transactional
    public Campaign resume(Actor actor, long id) {
        Campaign c = get(id);
        Instant now = clock.instant();
        if (c.status() == CampaignStatus.WAITING) {
            startNextGroup(id, actor.name(), now);
            campaigns.transition(id, EnumSet.of(CampaignStatus.WAITING), CampaignStatus.RUNNING, null, now);
            audit.record(actor, "CAMPAIGN_RESUME", "campaign", id, Map.of("from", "WAITING"));
            return get(id);
        }
        if (!campaigns.transition(id, EnumSet.of(CampaignStatus.PAUSED), CampaignStatus.RUNNING, null, now)) {
            throw OtaException.conflict("campaign " + id + " is " + c.status() + ", not PAUSED or WAITING");
        }
        Map<Integer, Map<RolloutState, Integer>> counts = campaigns.counts(id);
        for (CampaignGroup g : campaigns.groups(id)) {
            if (g.status() == CampaignGroup.GroupStatus.SCHEDULED) {
                continue;
            }
            Map<RolloutState, Integer> n = counts.getOrDefault(g.groupNo(), Map.of());
            int failed = n.getOrDefault(RolloutState.FAILED, 0);
            int finished = finished(n);
            campaigns.acknowledgeFailures(id, g.groupNo(), failed, finished);
            if (g.status() == CampaignGroup.GroupStatus.RUNNING && finished >= g.size()
                    && campaigns.finishGroup(id, g.groupNo(), now)) {
                campaigns.event(id, actor.name(), "GROUP_FINISHED", "group " + g.groupNo() + " closed by the resume", now);
                startNextGroup(id, actor.name(), now);
            }
        }
        campaigns.event(id, actor.name(), "RESUMED", "failures so far acknowledged", now);
        audit.record(actor, "CAMPAIGN_RESUME", "campaign", id, Map.of("from", "PAUSED"));
        return get(id);
    }

    /** Starts the first group not yet started; false when none is left. */
    boolean startNextGroup(long id, String actor, Instant now) {
        for (CampaignGroup g : campaigns.groups(id)) {
            if (g.status() == CampaignGroup.GroupStatus.SCHEDULED) {
                campaigns.startGroup(id, g.groupNo(), now);
                campaigns.event(id, actor, "GROUP_STARTED", "group " + g.groupNo() + " (" + g.size() + " vehicles)", now);
                return true;
            }
        }
        return false;
    }

    @Transactional
    public Campaign cancel(Actor actor, long id) {
        Campaign c = get(id);
        Instant now = clock.instant();
        if (!campaigns.transition(id, EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.RUNNING,
                CampaignStatus.WAITING, CampaignStatus.PAUSED), CampaignStatus.CANCELED, null, now)) {
            throw OtaException.conflict("campaign " + id + " is " + c.status());
        }
        int canceled = rollouts.cancelOpen(id, now);
        campaigns.event(id, actor.name(), "CANCELED", canceled + " open vehicles canceled", now);
        log.info("campaign {} canceled by {} ({} open vehicles)", id, actor.name(), canceled);
        audit.record(actor, "CAMPAIGN_CANCEL", "campaign", id, Map.of("openVehiclesCanceled", canceled));
        return get(id);
    }

    static int finished(Map<RolloutState, Integer> n) {
        return n.getOrDefault(RolloutState.SUCCEEDED, 0) + n.getOrDefault(RolloutState.FAILED, 0)
                + n.getOrDefault(RolloutState.CANCELED, 0);
    }
}
