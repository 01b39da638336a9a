package io.gb32960.access;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.netty.FrameEvent;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A blocking test terminal over a real TCP socket: writes frames, reads and decodes the answers. */
final class TestTerminal implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf received = Unpooled.buffer();
    private final Gb32960Encoder encoder = Gb32960Encoder.plain();
    private final Gb32960Decoder decoder;

    TestTerminal(int port) throws IOException {
        this(port, Gb32960Decoder.downlink());
    }

    /** @param decoder reads the node's frames (e.g. with the terminal's profile) */
    TestTerminal(int port, Gb32960Decoder decoder) throws IOException {
        this.decoder = decoder;
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    TestTerminal send(Gb32960Message m) throws IOException {
        return sendRaw(encoder.encode(m));
    }

    TestTerminal sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next answer, waiting up to the socket timeout. */
    Gb32960Message receive() throws IOException {
        while (true) {
            FrameEvent e = Gb32960FrameDecoder.next(received);
            if (e instanceof Gb32960Frame f) {
                try {
                    return decoder.decode(f.content());
                } finally {
                    f.release();
                }
            }
            byte[] chunk = new byte[4096];
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            received.writeBytes(chunk, 0, n);
        }
    }

    /** Whether the server closes the connection within the socket timeout (reading and discarding answers). */
    boolean closedByServer() throws IOException {
        try {
            byte[] chunk = new byte[4096];
            while (in.read(chunk) >= 0) {
                // answers before the close are not what this check is about
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        received.release();
        socket.close();
    }
}
