package io.gb32960.admin.system;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** Links of list pages. */
public final class PageLinks {

    private PageLinks() {
    }

    /** The current request's path and query without {@code page} and {@code others}: the pager adds them. */
    public static String base(String... others) {
        ServletUriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentRequest();
        b.replaceQueryParam("page");
        for (String other : others) {
            b.replaceQueryParam(other);
        }
        URI uri = b.build().toUri();
        String q = uri.getRawQuery();
        return uri.getRawPath() + (q == null || q.isEmpty() ? "" : "?" + q);
    }
}
