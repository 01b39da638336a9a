package io.gb32960.protocol.crypto;

import io.gb32960.protocol.wire.Hex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads entries of the shared conformance corpus at run time (never copied into the project);
 * skips the calling test visibly when the corpus is absent.
 */
final class ConformanceCorpus {

    private ConformanceCorpus() {
    }

    static List<JsonNode> entries(String file) {
        String dir = System.getProperty("gb32960.conformance.dir");
        assumeTrue(dir != null && !dir.isBlank(), "conformance corpus not configured (gb32960.conformance.dir unset)");
        Path path = Path.of(dir).resolve(file);
        assumeTrue(Files.isRegularFile(path), "conformance corpus file absent: " + path);
        List<JsonNode> entries = new ArrayList<>();
        new ObjectMapper().readTree(path).path("entries").forEach(entries::add);
        return entries;
    }

    static JsonNode entry(String file, String id) {
        for (JsonNode e : entries(file)) {
            if (id.equals(e.path("id").asString())) {
                return e;
            }
        }
        throw new AssertionError("no entry " + id + " in " + file);
    }

    static byte[] frame(JsonNode entry) {
        return Hex.decode(entry.path("hex").asString());
    }
}
