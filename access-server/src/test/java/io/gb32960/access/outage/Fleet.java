package io.gb32960.access.outage;

import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.netty.FrameEvent;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Vehicles registered in Redis and logged in over real TCP, each on its own connection. Frame
 * {@code seq} goes to vehicle {@code seq % size} and carries {@code seq} in its odometer (and speed),
 * so every frame is unique and can be found byte for byte in Kafka.
 */
final class Fleet implements AutoCloseable {

    private static final DataTime TIME = DataTime.of(2026, 11, 21, 8, 0, 0);
    private static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();

    private final List<String> vins = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Set<Bytes> sent = new LinkedHashSet<>();

    private Fleet() {
    }

    /** Registers {@code size} vehicles ({@code vinPrefix} + a number, 17 characters) and logs each in. */
    static Fleet loggedIn(AccessNode node, String vinPrefix, int size) throws IOException {
        Fleet fleet = new Fleet();
        try {
            for (int i = 0; i < size; i++) {
                String vin = vinPrefix + String.format("%0" + (17 - vinPrefix.length()) + "d", i);
                node.registry().register(RegisteredVehicle.of(vin, "")).toCompletableFuture().join();
                Socket socket = new Socket("127.0.0.1", node.port());
                socket.setSoTimeout(10_000);
                fleet.vins.add(vin);
                fleet.sockets.add(socket);
                socket.getOutputStream().write(ENCODER.encode(login(vin)));
                Gb32960Message answer = receive(socket);
                if (answer.header().responseFlag() != ResponseFlag.SUCCESS) {
                    throw new IllegalStateException(vin + " login refused: " + answer);
                }
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** Sends frames {@code from} (inclusive) to {@code to} (exclusive) round-robin over the vehicles. */
    void send(int from, int to) throws IOException {
        for (int seq = from; seq < to; seq++) {
            byte[] frame = frame(seq);
            sockets.get(seq % sockets.size()).getOutputStream().write(frame);
            sent.add(Bytes.of(frame));
        }
    }

    /** Every frame sent so far. */
    Set<Bytes> sent() {
        return Set.copyOf(sent);
    }

    byte[] frame(int seq) {
        String vin = vins.get(seq % vins.size());
        FrameHeader h = FrameHeader.command(Edition.V2016, CommandId.REALTIME_REPORT.id(), vin);
        return ENCODER.encode(TelemetryReport.of(h, TIME, List.of(
                new VehicleData2016(1, 3, 1, seq % 2000, 100_000L + seq, 3800, 10100, 80, 1, 0x2E, 5000, 0, 0))));
    }

    private static VehicleLogin login(String vin) {
        return new VehicleLogin(FrameHeader.command(Edition.V2016, CommandId.VEHICLE_LOGIN.id(), vin), TIME, 1,
                FixedString.of("", 20), new SubsystemCodes(0, 0, List.of()), Bytes.EMPTY);
    }

    private static Gb32960Message receive(Socket socket) throws IOException {
        ByteBuf received = Unpooled.buffer();
        try {
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[1024];
            while (true) {
                FrameEvent e = Gb32960FrameDecoder.next(received);
                if (e instanceof Gb32960Frame f) {
                    try {
                        return Gb32960Decoder.downlink().decode(f.content());
                    } finally {
                        f.release();
                    }
                }
                int n = in.read(chunk);
                if (n < 0) {
                    throw new IOException("connection closed by the server");
                }
                received.writeBytes(chunk, 0, n);
            }
        } finally {
            received.release();
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }
}
