package io.gb32960.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Frames as the consumers store them (plaintext, whole frame). */
public final class TestFrames {

    /**
     * A 2016 realtime report 0x02 with one whole-vehicle item (Table 9): collected 2024-05-20 10:30:15,
     * 60.0 km/h, 12345.6 km, 370.0 V, +500.0 A, SOC 80 %; header VIN replaced, BCC recomputed.
     */
    private static final String REALTIME_2016 = "232302FE" + "4C474233323936305445535430303030" + "31" + "01" + "001B"
            + "1805140A1E0F" + "01" + "01" + "03" + "01" + "0258" + "0001E240" + "0E74" + "3A98" + "50" + "01" + "2E"
            + "1F40" + "1E" + "00" + "B9";

    private TestFrames() {
    }

    public static byte[] realtime2016(String vin) {
        byte[] f = HexFormat.of().parseHex(REALTIME_2016);
        System.arraycopy(vin.getBytes(StandardCharsets.US_ASCII), 0, f, 4, 17);
        int bcc = 0;
        for (int i = 2; i < f.length - 1; i++) {
            bcc ^= f[i];
        }
        f[f.length - 1] = (byte) bcc;
        return f;
    }
}
