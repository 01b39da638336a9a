package io.gb32960.admin.system;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** Links of list pages. */
public final class PageLinks {

    private PageLinks() {
    }

    /** The current request's path and query without {@code page}: the pager adds it. */
    public static String base() {
        URI uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build().toUri();
        String q = uri.getRawQuery();
        return uri.getRawPath() + (q == null || q.isEmpty() ? "" : "?" + q);
    }
}
