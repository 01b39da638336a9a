package io.gb32960.platform.common.command;

import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the frame of a {@link DownlinkCommand} for a vehicle's edition and profile, and reads answers. */
public final class CommandFrames {

    private CommandFrames() {
    }

    /**
     * The 0x80/0x81/0x82 message for {@code vin}. Numeric parameters take their width in the
     * edition (Tables B.8 / B.12); a remote upgrade takes the layout of the terminal's profile.
     *
     * @throws IllegalArgumentException when a value does not fit
     */
    public static Gb32960Message build(DownlinkCommand command, String vin, Edition edition, TerminalProfile profile,
                                       DataTime time) {
        FrameHeader header = FrameHeader.command(edition, command.commandId(), vin);
        if (command instanceof DownlinkCommand.Query q) {
            return new QueryCommand(header, time, q.parameterIds());
        }
        if (command instanceof DownlinkCommand.SetParameters s) {
            return new SetCommand(header, time, ParameterList.of(parameters(s.settings(), edition)));
        }
        TerminalControl control = ((DownlinkCommand.Control) command).control();
        if (control instanceof RemoteUpgrade upgrade) {
            control = upgrade.withLayout(profile.upgradeLayout());
        }
        return new ControlCommand(header, time, control);
    }

    private static List<Parameter> parameters(List<DownlinkCommand.Setting> settings, Edition edition) {
        Set<Integer> given = new HashSet<>();
        settings.forEach(s -> given.add(s.id()));
        List<Parameter> out = new ArrayList<>(settings.size() + 2);
        for (DownlinkCommand.Setting s : settings) {
            ParameterId known = ParameterId.find(s.id());
            if (s.hex() != null) {
                out.add(new Parameter(s.id(), Bytes.fromHex(s.hex())));
            } else if (known == null) {
                throw new IllegalArgumentException("parameter 0x" + Integer.toHexString(s.id()) + " is not defined: give hex");
            } else if (known.numeric()) {
                if (s.number() == null) {
                    throw new IllegalArgumentException(known.jsonName() + " takes a number");
                }
                out.add(Parameter.ofNumber(known, Math.toIntExact(s.number()), edition));
            } else {
                if (s.text() == null) {
                    throw new IllegalArgumentException(known.jsonName() + " takes a text");
                }
                ParameterId length = known.lengthParameter();
                if (length != null && !given.contains(length.id())) {
                    out.add(Parameter.ofByte(length, s.text().length()));
                }
                out.add(Parameter.ofText(known, s.text()));
            }
        }
        return out;
    }

    /** The terminal's answer as a result value. */
    public static CommandResult.Answer answer(Gb32960Message message) {
        FrameHeader h = message.header();
        List<CommandResult.AnsweredParameter> parameters = List.of();
        String control = "";
        String time = "";
        if (message instanceof QueryResponse q) {
            parameters = new ArrayList<>(q.parameters().items().size());
            for (Parameter p : q.parameters().items()) {
                ParameterId known = p.known();
                Long number = known != null && known.numeric() ? p.asNumber() : null;
                String text = known != null && known.textual() ? p.asText() : null;
                parameters.add(new CommandResult.AnsweredParameter(p.id(), known == null ? "" : known.jsonName(),
                        number, text, p.value().toHex()));
            }
            time = q.time().toString();
        } else if (message instanceof ControlResponse c) {
            // a TIME_ONLY terminal answers with the time alone: no echoed control
            control = c.echo() == null ? "" : TerminalControl.nameOf(c.echo().controlId());
            time = c.time().toString();
        } else if (message instanceof io.gb32960.protocol.message.SetResponse s) {
            time = s.time().toString();
        }
        return new CommandResult.Answer(h.command(), h.responseFlag(), time, parameters, control);
    }

    /** The time of a command or of its answer (what correlates them), or null. */
    public static DataTime timeOf(Gb32960Message message) {
        if (message instanceof QueryCommand q) {
            return q.time();
        }
        if (message instanceof SetCommand s) {
            return s.time();
        }
        if (message instanceof ControlCommand c) {
            return c.time();
        }
        if (message instanceof QueryResponse q) {
            return q.time();
        }
        if (message instanceof io.gb32960.protocol.message.SetResponse s) {
            return s.time();
        }
        if (message instanceof ControlResponse c) {
            return c.time();
        }
        return null;
    }
}
