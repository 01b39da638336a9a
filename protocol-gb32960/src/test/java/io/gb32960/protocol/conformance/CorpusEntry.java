package io.gb32960.protocol.conformance;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.wire.Hex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One corpus entry (README "Entry fields"): a whole frame or a data unit, the values its source
 * expects (in the source's own conventions), the corpus authors' note and header check.
 *
 * @param expected    {@code expected}, as the source states it
 * @param checked     {@code checked_by_us}: the corpus authors' own header parse
 * @param fixByUs     {@code expected_fix_by_us}, or a missing node
 */
record CorpusEntry(String file, String id, String source, String kind, Edition edition, byte[] bytes,
                   JsonNode expected, String note, boolean malformed, JsonNode checked, JsonNode fixByUs) {

    static CorpusEntry of(String file, JsonNode e) {
        String protocol = e.get("protocol").asString();
        Edition edition = switch (protocol) {
            case "2016" -> Edition.V2016;
            case "2025" -> Edition.V2025;
            default -> throw new IllegalArgumentException("unknown protocol " + protocol + " in " + e.get("id"));
        };
        return new CorpusEntry(file, e.get("id").asString(), e.get("source").asString(), e.get("kind").asString(),
                edition, Hex.decode(e.get("hex").asString()), e.get("expected"), e.get("note").asString(),
                e.path("malformed").asBoolean(false), e.path("checked_by_us"),
                e.has("expected_fix_by_us") ? e.get("expected_fix_by_us") : MissingNode.getInstance());
    }

    boolean isFrame() {
        return "frame".equals(kind);
    }

    boolean isDataUnit() {
        return "data_unit".equals(kind);
    }

    String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public String toString() {
        return id;
    }
}
