package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.DownloadSigner;
import io.gb32960.ota.firmware.Firmware;
import io.gb32960.ota.firmware.FirmwareProperties;
import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.UpgradeLayout;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Sends the downlink commands of a rollout through the command gateway and records their results:
 * the remote upgrade (terminal control 0x82, control id 0x01, Table B.15/B.16; the access node lays
 * the parameters out per the vehicle's terminal profile) and the version query after the download
 * (query 0x80, parameter 0x08 firmware version, Table B.11).
 */
@Component
class UpgradePusher {

    private static final Logger log = LoggerFactory.getLogger(UpgradePusher.class);
    private static final int FIRMWARE_VERSION_PARAMETER = 0x08;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final CommandGateway gateway;
    private final RolloutRepository rollouts;
    private final DownloadSigner signer;
    private final RolloutProperties properties;
    private final Executor results;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String serverAddress;
    private final int serverPort;

    UpgradePusher(CommandGateway gateway, RolloutRepository rollouts, DownloadSigner signer,
                  RolloutProperties properties, FirmwareProperties firmwareProperties,
                  ThreadPoolExecutor rolloutResultExecutor, MeterRegistry meters, Clock clock) {
        this.gateway = gateway;
        this.rollouts = rollouts;
        this.signer = signer;
        this.properties = properties;
        this.results = rolloutResultExecutor;
        this.meters = meters;
        this.clock = clock;
        URI base = URI.create(firmwareProperties.publicBaseUrl());
        String host = base.getHost() == null ? "" : base.getHost();
        this.serverAddress = !properties.upgradeServerAddress().isBlank() ? properties.upgradeServerAddress()
                : IPV4.matcher(host).matches() ? host : "0.0.0.0";
        this.serverPort = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        meters.gauge("gb32960.ota.push.in-flight", inFlight);
    }

    /** Commands this instance may still send without exceeding its in-flight limit. */
    int capacity() {
        return Math.max(0, properties.pushInFlight() - inFlight.get());
    }

    /** The remote upgrade as this service sends it (the node re-lays it out for a Table B.15 terminal). */
    RemoteUpgrade upgradeFor(Firmware fw, String vin, long campaignId) {
        return new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, signer.url(fw.id(), vin, campaignId), "", "", "",
                serverAddress, serverPort, fw.supplierCode(), fw.hardwareVersion(), fw.version(),
                properties.upgradeTimeoutMinutes());
    }

    /** Sends the upgrade to a vehicle already claimed for this delivery. */
    void push(Campaign c, Firmware fw, String vin) {
        inFlight.incrementAndGet();
        gateway.send(vin, new DownlinkCommand.Control(upgradeFor(fw, vin, c.id())), properties.commandTimeout())
                .whenComplete((r, e) -> {
                    inFlight.decrementAndGet();
                    results.execute(() -> pushed(c, vin, r, e));
                });
    }

    private void pushed(Campaign c, String vin, CommandResult r, Throwable e) {
        Instant now = clock.instant();
        CommandResult.Status status = e != null ? CommandResult.Status.SEND_FAILED : r.status();
        meters.counter("gb32960.ota.push", "result", status.name()).increment();
        try {
            switch (status) {
                case ANSWERED -> rollouts.notified(c.id(), vin, now, now.plus(properties.downloadTimeout()));
                case REJECTED -> rollouts.failOrRetry(c.id(), vin, RolloutState.PENDING,
                        "the terminal refused the upgrade command", c.maxRetries(), now,
                        now.plus(properties.retryDelay()));
                case OFFLINE, QUEUED, EXPIRED -> rollouts.unreachable(c.id(), vin, now,
                        now.plus(properties.offlineRecheck()));
                case TIMEOUT, SEND_FAILED -> rollouts.failOrRetry(c.id(), vin, RolloutState.PENDING,
                        "upgrade command " + status + (e != null ? ": " + e : r.detail().isEmpty() ? "" : ": " + r.detail()),
                        c.maxRetries(), now, now.plus(properties.retryDelay()));
            }
        } catch (RuntimeException ex) {
            log.warn("result of the upgrade of {} in campaign {} not stored: {}", vin, c.id(), ex.toString());
        }
    }

    /** Asks a vehicle that downloaded for its firmware version; the target version means success. */
    void verify(Campaign c, String vin) {
        gateway.send(vin, new DownlinkCommand.Query(List.of(FIRMWARE_VERSION_PARAMETER)), properties.commandTimeout())
                .whenComplete((r, e) -> results.execute(() -> verified(c, vin, r, e)));
    }

    private void verified(Campaign c, String vin, CommandResult r, Throwable e) {
        if (e != null || r.status() != CommandResult.Status.ANSWERED || r.answer() == null) {
            meters.counter("gb32960.ota.verify", "result", e != null ? "error" : r.status().name()).increment();
            return; // asked again after the verify delay, until the deadline
        }
        String reported = r.answer().parameters().stream().filter(p -> p.id() == FIRMWARE_VERSION_PARAMETER)
                .map(p -> p.text() == null ? null : p.text().trim()).findFirst().orElse(null);
        if (reported == null) {
            meters.counter("gb32960.ota.verify", "result", "no-version").increment();
            return;
        }
        Instant now = clock.instant();
        try {
            rollouts.vehicleReported(vin, null, reported);
            if (reported.equals(c.firmwareVersion())) {
                rollouts.succeeded(c.id(), vin, reported, now);
                meters.counter("gb32960.ota.verify", "result", "succeeded").increment();
            } else {
                rollouts.reported(c.id(), vin, reported, now);
                meters.counter("gb32960.ota.verify", "result", "unchanged").increment();
            }
        } catch (RuntimeException ex) {
            log.warn("version of {} in campaign {} not stored: {}", vin, c.id(), ex.toString());
        }
    }
}
