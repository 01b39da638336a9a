package io.gb32960.protocol.codec;

/** What a response data unit carries (PROTOCOL.md §4.3). */
public enum ResponseStyle {
    /** The 6-byte time only (2016 main body, 2025): the default. */
    TIME_ONLY,
    /** The original data unit with its time replaced (2016 Annex B.3.3.2; EMQX). */
    ECHO
}
