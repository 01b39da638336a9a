package io.gb32960.admin.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests from other remote addresses than MockMvc's 127.0.0.1. Failed sign-ins and wrong
 * passwords count against their address (sign-in throttling), so tests that fail on purpose do it
 * from an address of their own and never lock the other tests out.
 */
public final class RemoteAddresses {

    private RemoteAddresses() {
    }

    /** A random address in 10.0.0.0/8. */
    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** The request comes from {@code address}. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The request comes from a random address. */
    public static RequestPostProcessor elsewhere() {
        return from(random());
    }
}
