package io.gb32960.admin.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Remote commands ({@code gb32960.admin.commands.*}).
 *
 * @param gatewayId        id of this instance's command gateway (its reply channel); empty = "admin-" + a random id
 * @param defaultTimeout   how long a command waits for the terminal's answer when the caller names none
 * @param maxTimeout       the longest wait a caller may ask for
 * @param resendInterval   the node resends an unanswered command after this (the standard: 1 min)
 * @param maxResends       at most this many resends (the standard: 3)
 * @param grace            how long past the timeout the gateway waits for the node's own result
 * @param batchRate        commands per second a batch sends (all batches of this instance together)
 * @param batchInFlight    commands of batches waiting for their answers at once
 * @param batchMaxVehicles the most vehicles one batch may address
 */
@ConfigurationProperties("gb32960.admin.commands")
public record CommandProperties(@DefaultValue("") String gatewayId,
                                @DefaultValue("30s") Duration defaultTimeout,
                                @DefaultValue("10m") Duration maxTimeout,
                                @DefaultValue("1m") Duration resendInterval,
                                @DefaultValue("3") int maxResends,
                                @DefaultValue("2s") Duration grace,
                                @DefaultValue("50") int batchRate,
                                @DefaultValue("500") int batchInFlight,
                                @DefaultValue("100000") int batchMaxVehicles) {
}
