package io.gb32960.platform.common.command;

import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.wire.Bytes;

import java.util.List;
import java.util.Objects;

/**
 * A command on its way to the access node that holds the vehicle (Redis pub/sub and the offline
 * queue carry it as JSON).
 *
 * @param replyTo          the gateway's reply channel; empty for a queued command, whose result goes to
 *                         the cluster-wide results channel
 * @param timeoutMs        how long the node waits for the answer after the first send
 * @param resendIntervalMs resend while unanswered after this long (the standard: 1 min)
 * @param maxResends       at most this many resends (the standard: 3)
 * @param expiresAt        epoch ms until which a queued command may still be delivered (0: not queued)
 */
public record CommandEnvelope(String id, String vin, String replyTo, long timeoutMs, long resendIntervalMs,
                              int maxResends, long expiresAt, Wire command) {

    public CommandEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vin, "vin");
        replyTo = Objects.requireNonNullElse(replyTo, "");
        Objects.requireNonNull(command, "command");
    }

    /** The command as JSON: {@code kind} QUERY, SET or CONTROL and its fields. */
    public record Wire(String kind, List<Integer> parameterIds, List<DownlinkCommand.Setting> settings,
                       WireControl control) {
    }

    /** A terminal control as JSON; fields by control id (remote upgrade, alarm warning, custom hex). */
    public record WireControl(int controlId, String layout, String url, String apn, String username, String password,
                              String address, Integer port, String manufacturerId, String hardwareVersion,
                              String firmwareVersion, Integer timeoutMinutes, Integer alarmLevel, String hex) {
    }

    public static Wire wire(DownlinkCommand command) {
        if (command instanceof DownlinkCommand.Query q) {
            return new Wire("QUERY", q.parameterIds(), null, null);
        }
        if (command instanceof DownlinkCommand.SetParameters s) {
            return new Wire("SET", null, s.settings(), null);
        }
        TerminalControl c = ((DownlinkCommand.Control) command).control();
        WireControl w;
        if (c instanceof RemoteUpgrade u) {
            w = new WireControl(u.controlId(), u.layout().name(), u.url(), u.apn(), u.username(), u.password(),
                    u.address(), u.port(), u.manufacturerId(), u.hardwareVersion(), u.firmwareVersion(),
                    u.timeoutMinutes(), null, null);
        } else if (c instanceof AlarmWarning a) {
            w = new WireControl(a.controlId(), null, null, null, null, null, null, null, null, null, null, null,
                    a.level(), a.message().toHex());
        } else if (c instanceof CustomControl x) {
            w = new WireControl(x.controlId(), null, null, null, null, null, null, null, null, null, null, null,
                    null, x.parameters().toHex());
        } else {
            w = new WireControl(c.controlId(), null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }
        return new Wire("CONTROL", null, null, w);
    }

    public DownlinkCommand downlink() {
        switch (command.kind()) {
            case "QUERY":
                return new DownlinkCommand.Query(command.parameterIds());
            case "SET":
                return new DownlinkCommand.SetParameters(command.settings());
            case "CONTROL":
                return new DownlinkCommand.Control(control(command.control()));
            default:
                throw new IllegalArgumentException("unknown command kind " + command.kind());
        }
    }

    private static TerminalControl control(WireControl w) {
        Objects.requireNonNull(w, "control");
        if (w.controlId() == TerminalControl.REMOTE_UPGRADE) {
            return new RemoteUpgrade(w.layout() == null ? UpgradeLayout.TABLE_B16_BINARY : UpgradeLayout.valueOf(w.layout()),
                    w.url(), w.apn(), w.username(), w.password(), w.address(), w.port(), w.manufacturerId(),
                    w.hardwareVersion(), w.firmwareVersion(), w.timeoutMinutes());
        }
        if (w.controlId() == TerminalControl.ALARM_WARNING) {
            return new AlarmWarning(w.alarmLevel() == null ? 0 : w.alarmLevel(),
                    w.hex() == null ? Bytes.EMPTY : Bytes.fromHex(w.hex()));
        }
        if (w.hex() != null || w.controlId() >= 0x80) {
            return new CustomControl(w.controlId(), w.hex() == null ? Bytes.EMPTY : Bytes.fromHex(w.hex()));
        }
        return new SimpleControl(w.controlId());
    }
}
