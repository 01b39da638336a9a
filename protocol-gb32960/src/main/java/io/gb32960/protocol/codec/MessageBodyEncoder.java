package io.gb32960.protocol.codec;

import io.gb32960.protocol.control.TerminalControlCodec;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.EncryptedMessage;
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
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.ParameterCodec;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.WireWriter;

/** Writes the plaintext data unit of a message. */
final class MessageBodyEncoder {

    private MessageBodyEncoder() {
    }

    static void encode(Gb32960Message m, WireWriter out) {
        if (m instanceof TelemetryReport r) {
            TelemetryBodyCodec.encode(r, out);
        } else if (m instanceof VehicleLogin l) {
            LoginBodyCodec.encode(l, out);
        } else if (m instanceof VehicleLogout l) {
            out.time(l.time()).u16(l.serial());
        } else if (m instanceof PlatformLogin l) {
            out.time(l.time()).u16(l.serial()).fixedString(l.username(), PlatformLogin.USERNAME_LENGTH)
                    .fixedString(l.password(), PlatformLogin.PASSWORD_LENGTH).u8(l.encryptionRule());
        } else if (m instanceof PlatformLogout l) {
            out.time(l.time()).u16(l.serial());
        } else if (m instanceof Heartbeat || m instanceof TimeCalibration) {
            return; // empty data unit
        } else if (m instanceof Response r) {
            if (r.time() != null) {
                out.time(r.time()).blob(r.echo());
            } else if (!r.echo().isEmpty()) {
                throw new IllegalArgumentException("an echoed response needs its time");
            }
        } else if (m instanceof Activation a) {
            out.time(a.time()).fixedString(a.chipId(), Activation.CHIP_ID_LENGTH).u16(a.publicKey().length())
                    .blob(a.publicKey()).fixedString(a.vinField(), Activation.VIN_LENGTH);
            TelemetryBodyCodec.writeSignature(a.signature(), out);
        } else if (m instanceof ActivationResponse a) {
            out.u8(a.status()).u8(a.info());
        } else if (m instanceof KeyExchange k) {
            out.u8(k.keyType()).u16(k.key().length()).blob(k.key()).time(k.enableTime()).time(k.expiryTime());
        } else if (m instanceof QueryCommand q) {
            out.time(q.time()).u8(q.parameterIds().size());
            for (int id : q.parameterIds()) {
                out.u8(id);
            }
        } else if (m instanceof QueryResponse q) {
            out.time(q.time());
            parameters(q.parameters(), m.header().edition(), out);
        } else if (m instanceof SetCommand s) {
            out.time(s.time());
            parameters(s.parameters(), m.header().edition(), out);
        } else if (m instanceof SetResponse s) {
            out.time(s.time());
            if (s.echo() != null) {
                parameters(s.echo(), m.header().edition(), out);
            }
        } else if (m instanceof ControlCommand c) {
            out.time(c.time());
            TerminalControlCodec.write(c.control(), out);
        } else if (m instanceof ControlResponse c) {
            out.time(c.time());
            if (c.echo() != null) {
                TerminalControlCodec.write(c.echo(), out);
            }
        } else if (m instanceof PlatformCustomMessage p) {
            out.blob(p.data());
        } else if (m instanceof EncryptedMessage e) {
            out.blob(e.ciphertext());
        } else {
            throw new IllegalArgumentException("no encoder for " + m.getClass().getName());
        }
    }

    private static void parameters(ParameterList list, Edition edition, WireWriter out) {
        out.u8(list.count());
        ParameterCodec.writeItems(list.items(), edition, out);
        out.blob(list.unparsed());
    }
}
