package io.gb32960.protocol.codec;

import io.gb32960.protocol.control.TerminalControlCodec;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SetResponse;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterCodec;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.WireReader;

import java.util.ArrayList;
import java.util.List;

/** Picks the data-unit layout from command, response flag and direction, and reads it. */
final class MessageBodyDecoder {

    private MessageBodyDecoder() {
    }

    static Gb32960Message decode(FrameHeader h, WireReader in, Direction direction, TerminalProfile profile,
                                 KeyProvider keys) {
        int command = h.command();
        boolean uplink = direction == Direction.UPLINK;
        if (command == CommandId.QUERY.id()) {
            return uplink ? queryResponse(h, in) : queryCommand(h, in);
        }
        if (command == CommandId.SET.id()) {
            return uplink ? setResponse(h, in) : new SetCommand(h, in.time(), parameters(h, in));
        }
        if (command == CommandId.TERMINAL_CONTROL.id()) {
            return uplink ? controlResponse(h, in, profile) : controlCommand(h, in, profile);
        }
        if (command == CommandId.ACTIVATION_RESPONSE.id()) {
            return finish(in, new ActivationResponse(h, in.u8(), in.u8()));
        }
        if (CommandId.isPlatformCustom(command)) {
            return new PlatformCustomMessage(h, in.rest());
        }
        if (command < CommandId.VEHICLE_LOGIN.id() || command > CommandId.KEY_EXCHANGE.id()) {
            throw new Gb32960DecodeException(DecodeError.UNKNOWN_COMMAND,
                    "command 0x" + Integer.toHexString(command) + " is not defined");
        }
        if (!h.isCommand()) {
            return response(h, in);
        }
        return switch (command) {
            case 0x01 -> LoginBodyCodec.decode(h, in);
            case 0x02, 0x03 -> TelemetryBodyCodec.decode(h, in, keys);
            case 0x04 -> finish(in, new VehicleLogout(h, in.time(), in.u16()));
            case 0x05 -> finish(in, new PlatformLogin(h, in.time(), in.u16(),
                    in.fixedString(PlatformLogin.USERNAME_LENGTH, "username"),
                    in.fixedString(PlatformLogin.PASSWORD_LENGTH, "password"), in.u8()));
            case 0x06 -> finish(in, new PlatformLogout(h, in.time(), in.u16()));
            case 0x07 -> finish(in, new Heartbeat(h));
            case 0x08 -> finish(in, new TimeCalibration(h));
            case 0x09 -> activation(h, in, keys);
            default -> keyExchange(h, in); // 0x0B
        };
    }

    private static <T extends Gb32960Message> T finish(WireReader in, T message) {
        if (in.hasRemaining()) {
            throw new Gb32960DecodeException(DecodeError.TRAILING_BYTES,
                    in.remaining() + " bytes after the " + message.header().commandName() + " data unit");
        }
        return message;
    }

    /** Empty, time only, or the echoed data unit with the time replaced. */
    private static Response response(FrameHeader h, WireReader in) {
        if (!in.hasRemaining()) {
            return new Response(h, null, Bytes.EMPTY);
        }
        return new Response(h, in.time(), in.rest());
    }

    private static QueryCommand queryCommand(FrameHeader h, WireReader in) {
        DataTime time = in.time();
        int count = in.u8();
        if (count > QueryCommand.MAX_IDS) {
            throw new Gb32960DecodeException(DecodeError.INVALID_FIELD, "a query names at most 252 parameters, not " + count);
        }
        in.require(count, "parameter ids");
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.u8());
        }
        return finish(in, new QueryCommand(h, time, ids));
    }

    private static QueryResponse queryResponse(FrameHeader h, WireReader in) {
        return new QueryResponse(h, in.time(), parameters(h, in));
    }

    private static ParameterList parameters(FrameHeader h, WireReader in) {
        int count = in.u8();
        List<Parameter> items = ParameterCodec.readItems(in, count, h.edition());
        Bytes unparsed = in.rest();
        if (unparsed.isEmpty() && items.size() != count) {
            throw new Gb32960DecodeException(DecodeError.INVALID_FIELD,
                    "parameter count " + count + " but " + items.size() + " items");
        }
        return new ParameterList(count, items, unparsed);
    }

    private static SetResponse setResponse(FrameHeader h, WireReader in) {
        DataTime time = in.time();
        return new SetResponse(h, time, in.hasRemaining() ? parameters(h, in) : null);
    }

    private static ControlCommand controlCommand(FrameHeader h, WireReader in, TerminalProfile profile) {
        return new ControlCommand(h, in.time(), TerminalControlCodec.read(in, profile.upgradeLayout()));
    }

    private static ControlResponse controlResponse(FrameHeader h, WireReader in, TerminalProfile profile) {
        DataTime time = in.time();
        return new ControlResponse(h, time, in.hasRemaining() ? TerminalControlCodec.read(in, profile.upgradeLayout()) : null);
    }

    private static Activation activation(FrameHeader h, WireReader in, KeyProvider keys) {
        int dataStart = in.absolutePosition();
        DataTime time = in.time();
        var chip = in.fixedString(Activation.CHIP_ID_LENGTH, "security chip id");
        Bytes key = in.blob(in.u16(), "public key");
        var vin = in.fixedString(Activation.VIN_LENGTH, "VIN");
        int signedLength = in.absolutePosition() - dataStart;
        Signature signature = TelemetryBodyCodec.readSignature(in);
        SignatureStatus status = TelemetryBodyCodec.verify(h.vin(), signature, in.array(), dataStart, signedLength, keys);
        return finish(in, new Activation(h, time, chip, key, vin, signature, status));
    }

    private static KeyExchange keyExchange(FrameHeader h, WireReader in) {
        int type = in.u8();
        Bytes key = in.blob(in.u16(), "key");
        return finish(in, new KeyExchange(h, type, key, in.time(), in.time()));
    }
}
