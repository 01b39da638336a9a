package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.wire.FixedString;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * zwq000/JTNewEnergy (a SmallChi fork): a platform login whose user name is GB 18030 text, and a
 * realtime frame whose declared length (156) disagrees with the bytes present (157), also with a
 * wrong BCC; the length check comes first, so LENGTH_MISMATCH.
 */
final class ZwqExpectations {

    private ZwqExpectations() {
    }

    static void verify(CorpusEntry e) {
        switch (e.id()) {
            case "zwq000/guangtai_platform_login" -> platformLogin(e);
            case "zwq000/realtime_mostly_invalid" -> {
                assertThat(e.malformed()).isTrue();
                assertThat(e.checked().get("length_ok").asBoolean()).isFalse();
                FrameChecks.assertRejected(e, FrameChecks.UPLINK, DecodeError.LENGTH_MISMATCH);
            }
            default -> fail("no zwq000 expectation mapped for " + e.id());
        }
    }

    private static void platformLogin(CorpusEntry e) {
        Gb32960Message m = FrameChecks.decodeFrame(e, FrameChecks.UPLINK);
        assertThat(m).isInstanceOf(PlatformLogin.class);
        PlatformLogin p = (PlatformLogin) m;
        JsonNode x = e.expected();
        Check c = new Check();
        c.eq("AskId", p.header().responseFlag(), Check.leadingHex(x.get("AskId")));
        c.eq("AskId is a command", p.header().responseFlag(), ResponseFlag.COMMAND);
        c.eq("MsgId", p.header().command(), Check.leadingHex(x.get("MsgId")));
        c.eq("MsgId name", p.header().command(), CommandId.PLATFORM_LOGIN.id());
        c.num("DataUnitLength", p.header().dataLength(), x, "DataUnitLength");
        c.eq("PlatformUserName", p.username().text(), x.get("PlatformUserName").asString());
        c.num("LoginNum", p.serial(), x, "LoginNum");
        c.eq("EncryptMethod", p.encryptionRule(), 0x01); // "None (0x01)"
        c.isTrue("EncryptMethod text", x.get("EncryptMethod").asString().contains("0x01"));
        // note: time bytes 14 07 14 13 26 22 = 2020-07-20 19:38:34
        c.eq("time", Check.plain(p.time()), "2020-07-20 19:38:34");
        // the 20-byte password is not NUL-padded text; our GB 18030 reading equals the corpus authors'
        c.eq("password (GB18030)", new String(p.password().raw(), FixedString.GB18030),
                e.checked().get("password_gb18030_by_us").asString());
        c.eq("username (GB18030, checked_by_us)", p.username().text(),
                e.checked().get("username_gb18030_by_us").asString());
        c.done(8);
    }
}
