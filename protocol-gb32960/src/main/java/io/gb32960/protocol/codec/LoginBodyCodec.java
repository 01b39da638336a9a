package io.gb32960.protocol.codec;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.LoginCodes;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/** Vehicle login 0x01: 2016 Table 6 (subsystem codes) and 2025 Table 6 (24-byte pack codes). */
final class LoginBodyCodec {

    private LoginBodyCodec() {
    }

    static VehicleLogin decode(FrameHeader header, WireReader in) {
        DataTime time = in.time();
        int serial = in.u16();
        FixedString iccid = in.fixedString(VehicleLogin.ICCID_LENGTH, "ICCID");
        LoginCodes codes = header.edition() == Edition.V2016 ? subsystemCodes(in) : packCodes(in);
        return new VehicleLogin(header, time, serial, iccid, codes, in.rest());
    }

    private static SubsystemCodes subsystemCodes(WireReader in) {
        int n = in.u8();
        int m = in.u8();
        List<FixedString> codes = new ArrayList<>(m == 0 ? 0 : n);
        if (m > 0) {
            in.require(n * m, "subsystem codes");
            for (int i = 0; i < n; i++) {
                codes.add(in.fixedString(m, "subsystem code"));
            }
        }
        return new SubsystemCodes(n, m, codes);
    }

    private static PackCodes packCodes(WireReader in) {
        int n = in.u8();
        Bytes packsPerBms = in.blob(n, "packs per BMS");
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += packsPerBms.get(i);
        }
        in.require(total * PackCodes.CODE_LENGTH, "pack codes");
        List<FixedString> codes = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            codes.add(in.fixedString(PackCodes.CODE_LENGTH, "pack code"));
        }
        return new PackCodes(packsPerBms, codes);
    }

    static void encode(VehicleLogin login, WireWriter out) {
        out.time(login.time()).u16(login.serial()).fixedString(login.iccid(), VehicleLogin.ICCID_LENGTH);
        boolean v2016 = login.header().edition() == Edition.V2016;
        if (login.codes() instanceof SubsystemCodes s) {
            if (!v2016) {
                throw new IllegalArgumentException("a 2025 login carries pack codes, not 2016 subsystem codes");
            }
            out.u8(s.subsystemCount()).u8(s.codeLength());
            for (FixedString c : s.codes()) {
                out.fixedString(c, s.codeLength());
            }
        } else if (login.codes() instanceof PackCodes p) {
            if (v2016) {
                throw new IllegalArgumentException("a 2016 login carries subsystem codes, not 2025 pack codes");
            }
            out.u8(p.packsPerBms().length()).blob(p.packsPerBms());
            for (FixedString c : p.codes()) {
                out.fixedString(c, PackCodes.CODE_LENGTH);
            }
        }
        out.blob(login.extension());
    }
}
