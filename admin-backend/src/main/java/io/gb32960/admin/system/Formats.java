package io.gb32960.admin.system;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times on the pages ({@code ${@fmt.time(t)}} in templates): in the configured zone. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final WebProperties web;

    Formats(WebProperties web) {
        this.web = web;
    }

    public String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(web.zone()));
    }

    /** For {@code <input type="datetime-local">}. */
    public String input(Instant t) {
        return t == null ? "" : INPUT.format(t.atZone(web.zone()));
    }

    /** A {@code datetime-local} input (page zone), or an ISO instant; null when empty or unreadable. */
    public Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.trim()).atZone(web.zone()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    public String zone() {
        return web.zone().getId();
    }

    /** Start of today in the page zone. */
    public Instant startOfToday(Instant now) {
        return now.atZone(web.zone()).toLocalDate().atStartOfDay(web.zone()).toInstant();
    }

    static String utc(Instant t) {
        return t == null ? "" : TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}
