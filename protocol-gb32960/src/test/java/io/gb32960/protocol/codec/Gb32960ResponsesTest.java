package io.gb32960.protocol.codec;

import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gb32960ResponsesTest {

    /** A 2016 vehicle login: time 11-10-25 20:05:51, serial 1, ICCID, 1 subsystem, code length 1 ('1'). */
    private static final String LOGIN = "232301fe314731424c35325037545231313535323001001f"
            + "0b0a19140533" + "0001" + "3131313131313131313131313131313131313131" + "01" + "01" + "31";

    private static byte[] frame(String hexWithoutBcc) {
        byte[] body = Hex.decode(hexWithoutBcc);
        byte[] f = java.util.Arrays.copyOf(body, body.length + 1);
        int x = 0;
        for (int i = 2; i < body.length; i++) {
            x ^= body[i];
        }
        f[body.length] = (byte) x;
        return f;
    }

    @Test
    void timeOnlyKeepsTheRequestTime() {
        Gb32960Message login = Gb32960Decoder.uplink().decode(frame(LOGIN));
        Response r = Gb32960Responses.respond(login, ResponseFlag.SUCCESS, DataTime.of(2026, 1, 2, 3, 4, 5),
                ResponseStyle.TIME_ONLY);
        byte[] encoded = Gb32960Encoder.plain().encode(r);
        assertThat(Hex.encode(encoded)).startsWith("23230101314731424c353250375452313135353230010006" + "0b0a19140533");
        assertThat(encoded).hasSize(31);
        assertThat(Gb32960Encoder.plain().encode(Gb32960Decoder.downlink().decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void echoReplacesOnlyTheTime() {
        Gb32960Message login = Gb32960Decoder.uplink().decode(frame(LOGIN));
        DataTime now = DataTime.of(2026, 1, 2, 3, 4, 5);
        Response r = Gb32960Responses.respond(login, ResponseFlag.SUCCESS, now, ResponseStyle.ECHO);
        byte[] encoded = Gb32960Encoder.plain().encode(r);
        String hex = Hex.encode(encoded);
        assertThat(hex).startsWith("23230101314731424c35325037545231313535323001001f" + "1a0102030405" + "0001");
        assertThat(hex).contains("3131313131313131313131313131313131313131" + "010131");
    }

    @Test
    void heartbeatAnswersCarryThePlatformClock() {
        byte[] heartbeat = frame("232307fe314731424c353250375452313135353230010000");
        DataTime now = DataTime.of(2026, 11, 21, 8, 0, 0);
        Response r = Gb32960Responses.respond(Gb32960Decoder.uplink().decode(heartbeat), ResponseFlag.SUCCESS, now,
                ResponseStyle.TIME_ONLY);
        assertThat(r.time()).isEqualTo(now);
        assertThat(r.echo().isEmpty()).isTrue();
        assertThat(r.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
    }
}
