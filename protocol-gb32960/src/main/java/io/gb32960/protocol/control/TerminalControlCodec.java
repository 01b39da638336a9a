package io.gb32960.protocol.control;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.Hex;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.nio.charset.StandardCharsets;

/** Reads and writes the control id and its parameters (after the 6-byte time of 0x82). */
public final class TerminalControlCodec {

    private static final int SEPARATOR = ';';
    private static final java.util.regex.Pattern CANONICAL_NUMBER = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,4}");

    private TerminalControlCodec() {
    }

    public static TerminalControl read(WireReader in, UpgradeLayout layout) {
        int id = in.u8();
        return switch (id) {
            case TerminalControl.REMOTE_UPGRADE -> layout == UpgradeLayout.TABLE_B15_TEXT ? readText(in) : readBinary(in);
            case TerminalControl.ALARM_WARNING -> new AlarmWarning(in.u8(), in.rest());
            case TerminalControl.SHUTDOWN, TerminalControl.RESET, TerminalControl.FACTORY_RESET,
                    TerminalControl.DISCONNECT_DATA_LINK, TerminalControl.OPEN_SAMPLING_LINK -> {
                if (in.hasRemaining()) {
                    throw new Gb32960DecodeException(DecodeError.TRAILING_BYTES,
                            in.remaining() + " bytes after parameterless control 0x" + Integer.toHexString(id));
                }
                yield new SimpleControl(id);
            }
            default -> new CustomControl(id, in.rest());
        };
    }

    private static RemoteUpgrade readText(WireReader in) {
        // split keeping empty fields: an absent value is left empty, also the last one
        String[] f = in.rest().toString(StandardCharsets.ISO_8859_1).split(";", -1);
        if (f.length != 10) {
            throw new Gb32960DecodeException(DecodeError.INVALID_FIELD,
                    "remote upgrade (Table B.15 text) has " + f.length + " fields, not 10");
        }
        return new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT, f[0], f[1], f[2], f[3], f[4], number(f[5], "port"),
                f[6], f[7], f[8], number(f[9], "timeout"));
    }

    /** Only canonical decimals (no sign, no leading zero), so the field re-encodes as it came. */
    private static Integer number(String text, String what) {
        if (text.isEmpty()) {
            return null;
        }
        if (!CANONICAL_NUMBER.matcher(text).matches() || Integer.parseInt(text) > 0xFFFF) {
            throw new Gb32960DecodeException(DecodeError.INVALID_FIELD,
                    "remote upgrade " + what + " is not a decimal 0..65535: " + text);
        }
        return Integer.parseInt(text);
    }

    private static RemoteUpgrade readBinary(WireReader in) {
        String apn = in.textUntil(SEPARATOR);
        String user = in.textUntil(SEPARATOR);
        String password = in.textUntil(SEPARATOR);
        byte[] address = in.bytes(6, "upgrade server address");
        in.expect(SEPARATOR, "separator after address");
        int port = in.u16();
        in.expect(SEPARATOR, "separator after port");
        String manufacturer = in.textUntil(SEPARATOR);
        String hw = in.textUntil(SEPARATOR);
        String fw = in.textUntil(SEPARATOR);
        String url = in.textUntil(SEPARATOR);
        int timeout = in.u16();
        if (in.hasRemaining()) {
            throw new Gb32960DecodeException(DecodeError.TRAILING_BYTES, in.remaining() + " bytes after remote upgrade");
        }
        return new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, url, apn, user, password, addressText(address), port,
                manufacturer, hw, fw, timeout);
    }

    private static String addressText(byte[] a) {
        if (a[0] == 0 && a[1] == 0) {
            return (a[2] & 0xFF) + "." + (a[3] & 0xFF) + "." + (a[4] & 0xFF) + "." + (a[5] & 0xFF);
        }
        return "0x" + Hex.encode(a);
    }

    public static void write(TerminalControl control, WireWriter out) {
        out.u8(control.controlId());
        if (control instanceof RemoteUpgrade u) {
            if (u.layout() == UpgradeLayout.TABLE_B15_TEXT) {
                writeText(u, out);
            } else {
                writeBinary(u, out);
            }
        } else if (control instanceof AlarmWarning a) {
            out.u8(a.level()).blob(a.message());
        } else if (control instanceof CustomControl c) {
            out.blob(c.parameters());
        }
    }

    private static void writeText(RemoteUpgrade u, WireWriter out) {
        String[] f = {u.url(), u.apn(), u.username(), u.password(), u.address(),
            u.port() == null ? "" : u.port().toString(), u.manufacturerId(), u.hardwareVersion(), u.firmwareVersion(),
            u.timeoutMinutes() == null ? "" : u.timeoutMinutes().toString()};
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                out.u8(SEPARATOR);
            }
            out.text(noSeparator(f[i]));
        }
    }

    private static void writeBinary(RemoteUpgrade u, WireWriter out) {
        out.text(noSeparator(u.apn())).u8(SEPARATOR).text(noSeparator(u.username())).u8(SEPARATOR)
                .text(noSeparator(u.password())).u8(SEPARATOR).bytes(addressBytes(u.address())).u8(SEPARATOR)
                .u16(required(u.port(), "port")).u8(SEPARATOR).text(noSeparator(u.manufacturerId())).u8(SEPARATOR)
                .text(noSeparator(u.hardwareVersion())).u8(SEPARATOR).text(noSeparator(u.firmwareVersion()))
                .u8(SEPARATOR).text(noSeparator(u.url())).u8(SEPARATOR).u16(required(u.timeoutMinutes(), "timeout"));
    }

    private static int required(Integer v, String what) {
        if (v == null) {
            throw new IllegalArgumentException("the binary upgrade layout needs a " + what);
        }
        return v;
    }

    private static String noSeparator(String s) {
        if (s.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("remote upgrade field contains ';': " + s);
        }
        return s;
    }

    static byte[] addressBytes(String address) {
        if (address.startsWith("0x") && address.length() == 14) {
            return Hex.decode(address.substring(2));
        }
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("the binary upgrade layout holds an IPv4 address, not '" + address + "'");
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            b[i + 2] = (byte) v;
        }
        return b;
    }

    /** The raw parameter bytes of a control, for logs. */
    public static Bytes parameterBytes(TerminalControl control) {
        WireWriter w = new WireWriter(64);
        write(control, w);
        byte[] all = w.toByteArray();
        return Bytes.of(all, 1, all.length - 1);
    }
}
