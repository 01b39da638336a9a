package io.gb32960.platform.common;

import io.gb32960.platform.common.command.CommandEnvelope;
import io.gb32960.platform.common.command.CommandFrames;
import io.gb32960.platform.common.command.CommandJson;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands survive their JSON trip through Redis and become the frames the standard defines. */
class CommandWireTest {

    private final CommandJson json = new CommandJson();

    private DownlinkCommand roundTrip(DownlinkCommand command) {
        CommandEnvelope e = new CommandEnvelope("id-1", "LWIRE000000000001", "reply", 1000, 60_000, 3, 0,
                CommandEnvelope.wire(command));
        return json.envelope(json.toJson(e)).downlink();
    }

    @Test
    void everyKindOfCommandRoundTripsThroughJson() {
        List<DownlinkCommand> commands = List.of(
                new DownlinkCommand.Query(List.of(0x01, 0x08)),
                new DownlinkCommand.SetParameters(List.of(DownlinkCommand.Setting.number(0x02, 10),
                        DownlinkCommand.Setting.text(0x05, "gb.example.com"),
                        new DownlinkCommand.Setting(0x90, null, null, "0a0b"))),
                new DownlinkCommand.Control(new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT, "ftp://x/fw.bin", "cmnet",
                        "u", "p", "10.1.2.3", 21, "M1", "H1", "F2", 15)),
                new DownlinkCommand.Control(new SimpleControl(TerminalControl.RESET)),
                new DownlinkCommand.Control(new AlarmWarning(2, Bytes.fromHex("cafe"))),
                new DownlinkCommand.Control(new CustomControl(0x81, Bytes.fromHex("0102"))),
                new DownlinkCommand.Control(new CustomControl(0x90, Bytes.EMPTY)));
        for (DownlinkCommand c : commands) {
            assertThat(roundTrip(c)).as(c.toString()).isEqualTo(c);
        }
    }

    @Test
    void onlyShutdownResetAndFactoryResetMustNotWaitInTheQueue() {
        for (int id = 1; id <= 7; id++) {
            TerminalControl control = id == TerminalControl.REMOTE_UPGRADE
                    ? new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, "", "", "", "", "", null, "", "", "", null)
                    : id == TerminalControl.ALARM_WARNING ? new AlarmWarning(1, Bytes.EMPTY) : new SimpleControl(id);
            boolean expected = id != TerminalControl.SHUTDOWN && id != TerminalControl.RESET
                    && id != TerminalControl.FACTORY_RESET;
            assertThat(new DownlinkCommand.Control(control).queueable()).as("control 0x0%d", id).isEqualTo(expected);
        }
    }

    @Test
    void framesAreBuiltPerEditionAndProfileAndDecodeBack() {
        DataTime time = DataTime.of(2026, 11, 21, 10, 0, 0);
        RemoteUpgrade upgrade = new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, "http://ota/fw.bin", "", "", "",
                "10.0.0.1", 8080, "MFR", "HW1", "FW2", 30);
        TerminalProfile text = new TerminalProfile("t", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT);
        Gb32960Message built = CommandFrames.build(new DownlinkCommand.Control(upgrade), "LWIRE000000000002",
                Edition.V2025, text, time);
        byte[] frame = Gb32960Encoder.plain().encode(built);
        Gb32960Message decoded = new Gb32960Decoder(io.gb32960.protocol.codec.Direction.DOWNLINK, vin -> text,
                io.gb32960.protocol.crypto.KeyProvider.NONE).decode(frame);
        ControlCommand control = (ControlCommand) decoded;
        assertThat(control.header().edition()).isEqualTo(Edition.V2025);
        assertThat(((RemoteUpgrade) control.control()).layout()).isEqualTo(UpgradeLayout.TABLE_B15_TEXT);
        assertThat(CommandFrames.timeOf(control)).isEqualTo(time);

        assertThatThrownBy(() -> CommandFrames.build(new DownlinkCommand.SetParameters(
                List.of(DownlinkCommand.Setting.number(0x09, 300))), "LWIRE000000000003", Edition.V2016,
                TerminalProfile.DEFAULT, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownlinkCommand.Setting(0x02, 1L, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
