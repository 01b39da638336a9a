package io.gb32960.ota.rollout;

import java.util.Map;

/**
 * Decides what a running group's counts mean (hawkbit's success and error conditions, with the
 * thresholds as validated whole percents, and AWS IoT Jobs' minimum sample before the error rate
 * counts). Pure: the tick applies the decision.
 */
final class GroupEvaluator {

    private GroupEvaluator() {
    }

    /** What to do with a group. */
    sealed interface Decision permits Continue, Pause, Succeeded {
    }

    /** Nothing to do yet. */
    record Continue() implements Decision {
    }

    /** Pause the campaign, for this reason; {@code errors}: the error threshold (not a missed success threshold). */
    record Pause(String reason, boolean errors) implements Decision {
    }

    /** The group reached its success threshold: close it and apply its success action. */
    record Succeeded(String detail) implements Decision {
    }

    static Decision evaluate(CampaignGroup g, Map<RolloutState, Integer> counts) {
        int succeeded = counts.getOrDefault(RolloutState.SUCCEEDED, 0);
        int failed = counts.getOrDefault(RolloutState.FAILED, 0);
        int finished = CampaignService.finished(counts);
        int newFailed = failed - g.baselineFailed();
        int newFinished = finished - g.baselineFinished();
        // failed / finished > threshold, in integers
        if (newFinished >= g.errorMinSample() && (long) newFailed * 100 > (long) g.errorThreshold() * newFinished) {
            return new Pause("group " + g.groupNo() + ": " + newFailed + " of " + newFinished
                    + " finished vehicles failed (" + percent(newFailed, newFinished) + " > error threshold "
                    + g.errorThreshold() + "%)", true);
        }
        if (g.size() == 0 || (long) succeeded * 100 >= (long) g.successThreshold() * g.size()) {
            return new Succeeded("group " + g.groupNo() + ": " + succeeded + " of " + g.size() + " succeeded ("
                    + percent(succeeded, g.size()) + " >= " + g.successThreshold() + "%)");
        }
        if (finished >= g.size()) {
            return new Pause("group " + g.groupNo() + " finished with " + succeeded + " of " + g.size()
                    + " succeeded (" + percent(succeeded, g.size()) + " < success threshold " + g.successThreshold()
                    + "%)", false);
        }
        return new Continue();
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format(java.util.Locale.ROOT, "%.1f%%", part * 100.0 / whole);
    }
}
