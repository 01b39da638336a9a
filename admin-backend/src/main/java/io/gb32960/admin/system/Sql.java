package io.gb32960.admin.system;

/** Helpers for SQL built from user input (always bound as parameters). */
public final class Sql {

    private Sql() {
    }

    /** Escapes the LIKE wildcards {@code % _ \} in user input, for {@code LIKE :param}. */
    public static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %s%} with wildcards in {@code s} escaped. */
    public static String contains(String s) {
        return "%" + like(s) + "%";
    }
}
