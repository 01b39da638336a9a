package io.gb32960.web.audit;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address of the request the current thread serves, for the audit trail. */
public final class RequestAddress {

    private RequestAddress() {
    }

    /** The remote address, or null outside a request (scheduled work, tests without one). */
    public static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
