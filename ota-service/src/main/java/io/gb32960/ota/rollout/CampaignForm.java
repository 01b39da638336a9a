package io.gb32960.ota.rollout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A new campaign: one approved firmware, a target (an explicit VIN list or a filter, frozen when
 * the campaign starts; vehicles already on the target version are left out), staged groups with
 * thresholds, bounded retries and an optional start time.
 *
 * @param maxRetries  further deliveries of a vehicle after a failed one (null: 0)
 * @param scheduledAt when to start (null: when started by hand)
 */
public record CampaignForm(@NotBlank @Size(max = 128) String name,
                           @NotNull Long firmwareId,
                           @NotNull @Valid Target target,
                           @NotEmpty @Size(max = 20) List<@Valid @NotNull GroupForm> groups,
                           @Min(0) @Max(10) Integer maxRetries,
                           Instant scheduledAt) {

    public CampaignForm {
        maxRetries = maxRetries == null ? Integer.valueOf(0) : maxRetries;
    }

    /**
     * Exactly one of {@code vins} and {@code filter}.
     */
    public record Target(@Size(max = 100_000) List<@Pattern(regexp = "[A-Z0-9]{17}", message = "a VIN is 17 letters or digits") String> vins,
                         @Valid Filter filter) {
    }

    /** Every given field must match (null = any); the firmware's terminal model and hardware version always apply. */
    public record Filter(@Size(max = 64) String terminalModel, @Size(max = 32) String hardwareVersion,
                         @Size(max = 32) String firmwareVersion, Long supplierId,
                         @Pattern(regexp = "[A-Z0-9]{0,17}", message = "letters or digits") String vinPrefix) {
    }

    /**
     * One stage: {@code percent} (cumulative share of the target, the last group 100) or
     * {@code vins} (explicit groups; then every group lists its VINs and the target is their union).
     *
     * @param successThreshold percent of the group that must succeed to finish it
     * @param errorThreshold   percent failed of the group's finished vehicles above which the campaign pauses
     * @param errorMinSample   finished vehicles needed before the error threshold is applied
     */
    public record GroupForm(@Min(1) @Max(100) Integer percent,
                            List<@Pattern(regexp = "[A-Z0-9]{17}", message = "a VIN is 17 letters or digits") String> vins,
                            @NotNull @Min(1) @Max(100) Integer successThreshold,
                            @NotNull SuccessAction successAction,
                            @NotNull @Min(0) @Max(100) Integer errorThreshold,
                            @NotNull @Min(1) @Max(100_000) Integer errorMinSample) {
    }
}
