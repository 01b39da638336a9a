package io.gb32960.platform.common;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;

/** A real redis-server (embedded-redis ships the binary) on a free port, with a Redisson client. */
final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final RedissonClient client;

    private EmbeddedRedis(RedisServer server, RedissonClient client) {
        this.server = server;
        this.client = client;
    }

    static EmbeddedRedis start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"").build();
        server.start();
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
        return new EmbeddedRedis(server, Redisson.create(config));
    }

    RedissonClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        client.shutdown();
        server.stop();
    }
}
