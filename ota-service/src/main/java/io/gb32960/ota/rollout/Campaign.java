package io.gb32960.ota.rollout;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A campaign as listed; {@code definition} is the form it was created from (JSON). */
public record Campaign(long id, String name, long firmwareId, String firmwareVersion, String hardwareVersion,
                       String terminalModel, long supplierId, CampaignStatus status, @JsonIgnore String definition,
                       int maxRetries, Instant scheduledAt, Instant startedAt, Instant finishedAt, String pauseReason,
                       String createdBy, Instant createdAt) {
}
