package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.TimeCalibration;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * sunsky74/gb32960 robustness cases (frames reconstructed by the corpus authors). The source
 * states outcomes as Go error kinds; ours are {@link DecodeError}s:
 * <ul>
 *   <li>unknown command 0x00/0xFF: the frame itself is fine ("frame_decode ok"), the payload is
 *       not ("DecodePayload error") → {@code checkFrame} passes, {@code decode} throws UNKNOWN_COMMAND;</li>
 *   <li>a trailing byte → LENGTH_MISMATCH (the source's ErrLengthMismatch);</li>
 *   <li>declared length 65532 → LENGTH_OUT_OF_RANGE: the source lumps it under ErrLengthMismatch,
 *       PROTOCOL.md §3 names the range check, which comes first in our decoder.</li>
 * </ul>
 */
final class SunskyExpectations {

    private SunskyExpectations() {
    }

    static void verify(CorpusEntry e) {
        String name = e.id().substring(e.id().indexOf('/') + 1);
        JsonNode x = e.expected();
        if (name.startsWith("unknown_cmd_")) {
            FrameHeader h = Gb32960Decoder.checkFrame(e.bytes(), 0, e.bytes().length); // "frame_decode": "ok"
            FrameChecks.assertHeaderAsChecked(e, h);
            assertThat(x.get("frame_decode").asString()).isEqualTo("ok");
            assertThat(x.get("DecodePayload").asString()).startsWith("error");
            FrameChecks.assertRejected(e, FrameChecks.UPLINK, DecodeError.UNKNOWN_COMMAND);
            FrameChecks.assertRejected(e, FrameChecks.DOWNLINK, DecodeError.UNKNOWN_COMMAND);
        } else if (name.equals("length_mismatch_trailing_byte")) {
            assertThat(x.get("Decode").asString()).isEqualTo("api.ErrLengthMismatch");
            FrameChecks.assertRejected(e, FrameChecks.UPLINK, DecodeError.LENGTH_MISMATCH);
        } else if (name.equals("declared_length_over_range")) {
            assertThat(x.get("Decode").asString()).isEqualTo("api.ErrLengthMismatch");
            FrameChecks.assertRejected(e, FrameChecks.UPLINK, DecodeError.LENGTH_OUT_OF_RANGE);
        } else if (name.equals("heartbeat_empty_ok") || name.equals("time_calibration_empty_ok")) {
            Gb32960Message m = FrameChecks.decodeFrame(e, FrameChecks.UPLINK);
            assertThat(m).isInstanceOf(name.startsWith("heartbeat") ? Heartbeat.class : TimeCalibration.class);
            Check c = new Check();
            c.num("PayloadLength", m.header().dataLength(), x, "PayloadLength");
            c.num("CommandCode", m.header().command(), x, "CommandCode");
            if (x.has("Version")) {
                c.eq("Version", m.header().edition(), x.get("Version").asString().equals("V2016") ? Edition.V2016 : Edition.V2025);
            }
            c.done(2);
        } else {
            fail("no sunsky74 expectation mapped for " + e.id());
        }
    }
}
