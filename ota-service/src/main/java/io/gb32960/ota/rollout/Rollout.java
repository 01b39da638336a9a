package io.gb32960.ota.rollout;

import java.time.Instant;

/** One vehicle's upgrade in a campaign. */
public record Rollout(long campaignId, String vin, int groupNo, RolloutState state, int attempts, String fromVersion,
                      String reportedVersion, String failureReason, Instant nextActionAt, Instant deadlineAt,
                      Instant notifiedAt, Instant downloadStartedAt, Instant downloadedAt, Instant finishedAt,
                      Instant updatedAt) {
}
