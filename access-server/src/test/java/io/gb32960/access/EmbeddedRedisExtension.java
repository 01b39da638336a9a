package io.gb32960.access;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;

/** A real redis-server (embedded-redis ships the binary) for one test class, on a free port. */
public final class EmbeddedRedisExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EmbeddedRedisExtension.class);

    static int port(ExtensionContext context) {
        return context.getRoot().getStore(NS).get("port", Integer.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        context.getStore(NS).put("server", server);
        System.setProperty("gb32960.test.redis.port", Integer.toString(port));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        RedisServer server = context.getStore(NS).get("server", RedisServer.class);
        if (server != null) {
            server.stop();
        }
    }
}
