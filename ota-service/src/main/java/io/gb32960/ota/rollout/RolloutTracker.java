package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.DownloadListener;
import io.gb32960.ota.firmware.DownloadSigner;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What terminals do outside commands: downloads move a vehicle to DOWNLOADING and DOWNLOADED; a
 * version check (pull, at power-up) confirms success or hands out the download; a login makes a
 * pending upgrade and a version query due at once.
 */
@Component
public class RolloutTracker implements DownloadListener {

    private static final Logger log = LoggerFactory.getLogger(RolloutTracker.class);

    private final RolloutRepository rollouts;
    private final DownloadSigner signer;
    private final RolloutProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    RolloutTracker(RolloutRepository rollouts, DownloadSigner signer, RolloutProperties properties,
                   NamedParameterJdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.rollouts = rollouts;
        this.signer = signer;
        this.properties = properties;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The answer to a terminal's check: {@code url} empty when there is nothing to install.
     *
     * @param sha256 also the download's ETag
     */
    public record CheckAnswer(String vin, String url, String version, String hardwareVersion, long size, String md5,
                              String sha256) {

        static CheckAnswer none(String vin) {
            return new CheckAnswer(vin, "", null, null, 0, null, null);
        }
    }

    @Override
    public void downloadStarted(long campaignId, String vin) {
        Instant now = clock.instant();
        rollouts.downloading(campaignId, vin, now, now.plus(properties.downloadTimeout()));
    }

    @Override
    public void downloadCompleted(long campaignId, String vin) {
        Instant now = clock.instant();
        rollouts.downloaded(campaignId, vin, now, now.plus(properties.verifyDelay()),
                now.plus(properties.verifyTimeout()));
    }

    @Override
    public boolean downloadAllowed(long campaignId, String vin) {
        String state = jdbc.query("""
                SELECT r.state FROM ota_rollout r JOIN ota_campaign c ON c.id = r.campaign_id
                WHERE r.campaign_id = :c AND r.vin = :vin AND c.status <> 'CANCELED'""",
                Map.of("c", campaignId, "vin", vin), (rs, i) -> rs.getString(1)).stream().findFirst().orElse(null);
        return state != null && !RolloutState.CANCELED.name().equals(state);
    }

    /** The pull path: a terminal (authenticated) says which hardware and firmware it has. */
    public CheckAnswer check(String vin, String hardwareReported, String firmwareReported) {
        Instant now = clock.instant();
        String hardware = blankToNull(hardwareReported);
        String firmware = blankToNull(firmwareReported);
        rollouts.vehicleReported(vin, hardware, firmware);
        if (firmware != null) {
            lateSuccesses(vin, firmware, now);
        }
        CheckAnswer answer = CheckAnswer.none(vin);
        for (RolloutRepository.Open o : rollouts.openOf(vin)) {
            if (Objects.equals(o.version(), firmware)) {
                rollouts.succeeded(o.campaignId(), vin, firmware, now);
                continue;
            }
            if (!o.status().delivering() || !o.groupStarted() || !answer.url().isEmpty()
                    || (hardware != null && !hardware.equals(o.hardwareVersion()))) {
                continue;
            }
            boolean deliver = switch (o.state()) {
                case PENDING -> rollouts.claimForCheck(o.campaignId(), vin, now)
                        && rollouts.notified(o.campaignId(), vin, now, now.plus(properties.downloadTimeout()));
                case NOTIFIED, DOWNLOADING -> true; // resume the download
                default -> false; // downloaded: waiting for the new version
            };
            if (deliver) {
                answer = new CheckAnswer(vin, signer.url(o.firmwareId(), vin, o.campaignId()), o.version(),
                        o.hardwareVersion(), o.size(), o.md5(), o.sha256());
            }
        }
        meters.counter("gb32960.ota.check", "result", answer.url().isEmpty() ? "none" : "upgrade").increment();
        return answer;
    }

    /** A vehicle reports a version that FAILED rollouts were waiting for: they succeeded after all. */
    void lateSuccesses(String vin, String firmware, Instant now) {
        int late = rollouts.lateSuccess(vin, firmware, now);
        if (late > 0) {
            log.info("[{}] reports firmware {}: {} failed rollout(s) succeeded late", vin, firmware, late);
            meters.counter("gb32960.ota.late.success").increment(late);
        }
    }

    /** A vehicle logged in: its pending upgrade and its version query are due now. */
    public void online(String vin) {
        Instant now = clock.instant();
        rollouts.dueNow(vin, now);
        rollouts.verifyNow(vin, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
