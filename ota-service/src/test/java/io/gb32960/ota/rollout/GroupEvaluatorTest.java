package io.gb32960.ota.rollout;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The group conditions, without a database. */
class GroupEvaluatorTest {

    private static CampaignGroup group(int size, int success, int error, int minSample, int baseFailed, int baseFinished) {
        return new CampaignGroup(1, 1, size, 10, success, SuccessAction.NEXT_GROUP, error, minSample, baseFailed,
                baseFinished, CampaignGroup.GroupStatus.RUNNING, null, null);
    }

    @Test
    void theErrorThresholdAppliesOnceTheMinimumSampleFinished() {
        CampaignGroup g = group(100, 90, 5, 10, 0, 0);
        // 1 of 5 failed: 20%, but fewer than 10 finished
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.FAILED, 1, RolloutState.SUCCEEDED, 4)))
                .isInstanceOf(GroupEvaluator.Continue.class);
        // 1 of 20 = 5%: not above 5%
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.FAILED, 1, RolloutState.SUCCEEDED, 19)))
                .isInstanceOf(GroupEvaluator.Continue.class);
        GroupEvaluator.Decision d = GroupEvaluator.evaluate(g, Map.of(RolloutState.FAILED, 2, RolloutState.SUCCEEDED, 18));
        assertThat(d).isInstanceOf(GroupEvaluator.Pause.class);
        assertThat(((GroupEvaluator.Pause) d).reason()).isEqualTo(
                "group 1: 2 of 20 finished vehicles failed (10.0% > error threshold 5%)");
        assertThat(((GroupEvaluator.Pause) d).errors()).isTrue();
    }

    @Test
    void aResumeAcknowledgesTheFailuresSoFar() {
        CampaignGroup g = group(100, 90, 5, 10, 2, 20);
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.FAILED, 2, RolloutState.SUCCEEDED, 28)))
                .isInstanceOf(GroupEvaluator.Continue.class);
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.FAILED, 4, RolloutState.SUCCEEDED, 28)))
                .isInstanceOf(GroupEvaluator.Pause.class);
    }

    @Test
    void successThresholdFinishesTheGroupAndAMissedOnePauses() {
        CampaignGroup g = group(10, 90, 50, 100, 0, 0);
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.SUCCEEDED, 8, RolloutState.PENDING, 2)))
                .isInstanceOf(GroupEvaluator.Continue.class);
        assertThat(GroupEvaluator.evaluate(g, Map.of(RolloutState.SUCCEEDED, 9, RolloutState.DOWNLOADING, 1)))
                .isInstanceOf(GroupEvaluator.Succeeded.class);
        GroupEvaluator.Decision missed = GroupEvaluator.evaluate(g, Map.of(RolloutState.SUCCEEDED, 8,
                RolloutState.FAILED, 1, RolloutState.CANCELED, 1));
        assertThat(missed).isInstanceOf(GroupEvaluator.Pause.class);
        assertThat(((GroupEvaluator.Pause) missed).errors()).isFalse();
        assertThat(GroupEvaluator.evaluate(group(0, 100, 0, 1, 0, 0), Map.of()))
                .isInstanceOf(GroupEvaluator.Succeeded.class);
    }
}
