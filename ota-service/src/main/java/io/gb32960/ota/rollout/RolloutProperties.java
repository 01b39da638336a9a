package io.gb32960.ota.rollout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Rollouts ({@code gb32960.ota.rollout.*}).
 *
 * @param tick                  how often campaigns are evaluated and upgrades pushed (one instance at a time)
 * @param pushRate              upgrade commands sent per second (all campaigns of the cluster)
 * @param pushInFlight          upgrade commands waiting for the terminal's answer at once (per instance)
 * @param commandTimeout        how long an upgrade command or version query waits for the terminal's answer
 * @param downloadTimeout       from the answered command (or a check) to the first byte, and from the first
 *                              to the last byte; a vehicle that takes longer fails (or is retried)
 * @param verifyDelay           after the last byte: when the firmware version is first queried (0x80, 0x08),
 *                              and between further queries
 * @param verifyTimeout         after the last byte: a vehicle still reporting the old version then fails
 * @param retryDelay            wait before a failed vehicle is tried again (within its campaign's retries)
 * @param offlineRecheck        a vehicle found offline is pushed again after this, or at its next login
 * @param upgradeTimeoutMinutes the terminal's time limit to reach the upgrade server (Table B.15), minutes
 * @param upgradeServerAddress  the upgrade server's IPv4 address in the command (the binary layout, Table B.16,
 *                              has a 6-byte address field); empty: taken from the public base URL when that
 *                              names an IPv4 address, else 0.0.0.0
 * @param gatewayId             this instance's command-gateway id; empty = "ota-" + a random id
 * @param resendInterval        the access node resends an unanswered command after this (the standard: 1 min)
 * @param maxResends            at most this many resends (the standard: 3)
 * @param listenVehicleEvents   consume vehicle events (a login pushes a pending upgrade at once)
 */
@ConfigurationProperties("gb32960.ota.rollout")
@Validated
public record RolloutProperties(@DefaultValue("2s") Duration tick,
                                @DefaultValue("50") @Min(1) @Max(100_000) int pushRate,
                                @DefaultValue("500") @Min(1) int pushInFlight,
                                @DefaultValue("60s") Duration commandTimeout,
                                @DefaultValue("30m") Duration downloadTimeout,
                                @DefaultValue("60s") Duration verifyDelay,
                                @DefaultValue("15m") Duration verifyTimeout,
                                @DefaultValue("5m") Duration retryDelay,
                                @DefaultValue("10m") Duration offlineRecheck,
                                @DefaultValue("10") @Min(0) @Max(60_000) int upgradeTimeoutMinutes,
                                @DefaultValue("") String upgradeServerAddress,
                                @DefaultValue("") String gatewayId,
                                @DefaultValue("1m") Duration resendInterval,
                                @DefaultValue("3") int maxResends,
                                @DefaultValue("true") boolean listenVehicleEvents) {
}
