package io.gb32960.platform.common;

import io.gb32960.platform.common.command.CommandFrames;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A TIME_ONLY terminal answers a control 0x82 with the time alone: the answer has no echoed control. */
class ControlAnswerTest {

    @Test
    void aControlAnswerWithoutEchoIsAnAnswer() {
        FrameHeader h = FrameHeader.command(Edition.V2016, 0x82, "LGB32960SIM000001").withResponseFlag(ResponseFlag.SUCCESS);
        CommandResult.Answer a = CommandFrames.answer(new ControlResponse(h, DataTime.of(Instant.now()), null));
        assertThat(a.command()).isEqualTo(0x82);
        assertThat(a.responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        assertThat(a.control()).isEmpty();
    }
}
