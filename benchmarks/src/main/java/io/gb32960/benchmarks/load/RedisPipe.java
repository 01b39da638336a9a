package io.gb32960.benchmarks.load;

import io.gb32960.platform.common.redis.RedisKeys;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A bare RESP client that pipelines: the benchmark registers and removes hundreds of thousands
 * of vehicles in seconds. Only what the benchmark needs (integer, status, bulk and array replies).
 */
final class RedisPipe implements AutoCloseable {

    private static final int CHUNK = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RedisPipe(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /**
     * Registers {@code count} vehicles {@code vin.apply(0..count-1)} with the documented layout:
     * {@code HSET gb32960:vehicle:{VIN} enabled true} (no ICCID: any SIM may log in).
     */
    void registerVehicles(IntFunction<String> vin, int count) throws IOException {
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            for (int i = start; i < end; i++) {
                command("HSET", RedisKeys.vehicle(vin.apply(i)), "enabled", "true");
            }
            out.flush();
            for (int i = start; i < end; i++) {
                reply();
            }
        }
    }

    /** Deletes the registry, session and route keys of those vehicles; returns the keys deleted. */
    long removeVehicles(IntFunction<String> vin, int count) throws IOException {
        long deleted = 0;
        int perCommand = 500;
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            int commands = 0;
            for (int i = start; i < end; i += perCommand) {
                List<String> args = new ArrayList<>();
                args.add("DEL");
                for (int j = i; j < Math.min(end, i + perCommand); j++) {
                    String v = vin.apply(j);
                    args.add(RedisKeys.vehicle(v));
                    args.add(RedisKeys.session(v));
                    args.add(RedisKeys.route(v));
                }
                command(args.toArray(new String[0]));
                commands++;
            }
            out.flush();
            for (int i = 0; i < commands; i++) {
                deleted += (Long) reply();
            }
        }
        return deleted;
    }

    /** {@code GET key}; null when there is none. */
    String get(String key) throws IOException {
        command("GET", key);
        out.flush();
        return (String) reply();
    }

    /** {@code HGETALL key}: field to value, empty when there is no such hash. */
    Map<String, String> hgetall(String key) throws IOException {
        command("HGETALL", key);
        out.flush();
        List<?> flat = (List<?>) reply();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            m.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return m;
    }

    /** {@code INFO server}'s redis_version. */
    String version() throws IOException {
        String v = info("server", "redis_version");
        return v == null ? "?" : v;
    }

    /** CPU seconds the Redis server used so far (user + system, from {@code INFO cpu}). */
    double cpuSeconds() throws IOException {
        return Double.parseDouble(info("cpu", "used_cpu_user")) + Double.parseDouble(info("cpu", "used_cpu_sys"));
    }

    private String info(String section, String field) throws IOException {
        command("INFO", section);
        out.flush();
        String info = (String) reply();
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    private void command(String... args) throws IOException {
        out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            out.write(('$' + Integer.toString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write('\r');
            out.write('\n');
        }
    }

    private Object reply() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case ':':
                return Long.parseLong(line);
            case '-':
                throw new IOException("Redis error: " + line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> items = new ArrayList<>(Math.max(0, n));
                for (int i = 0; i < n; i++) {
                    items.add(reply());
                }
                return items;
            }
            case -1:
                throw new EOFException("Redis closed the connection");
            default:
                throw new IOException("unexpected Redis reply type " + (char) type);
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new EOFException("Redis closed the connection");
            }
            s.append((char) c);
        }
        in.read(); // \n
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
