package io.gb32960.ota.rollout;

import java.time.Instant;

/** A stage of a campaign with its thresholds (whole percents) and the failures a resume acknowledged. */
public record CampaignGroup(long campaignId, int groupNo, int size, Integer targetPercent, int successThreshold,
                            SuccessAction successAction, int errorThreshold, int errorMinSample,
                            int baselineFailed, int baselineFinished, GroupStatus status, Instant startedAt,
                            Instant finishedAt) {

    /** SCHEDULED (not yet started), RUNNING, FINISHED (its success threshold was reached, or skipped by a resume). */
    public enum GroupStatus {
        SCHEDULED, RUNNING, FINISHED
    }
}
