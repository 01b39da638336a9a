package io.gb32960.protocol.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The public conformance corpus (shared/conformance: one JSON file per source, see its README),
 * read at run time from the directory named by the system property {@value #PROPERTY}. Nothing of
 * it is copied into the project. When the directory is absent every test is skipped with a message.
 */
final class ConformanceCorpus {

    static final String PROPERTY = "gb32960.conformance.dir";

    static final String EMQX = "emqx__emqx__reconstructed.json";
    static final String RTM_CON = "beidouchangxi__rtm_con.json";
    static final String NODE36 = "36node__32960__via_terryhart.json";
    static final String JTNE = "SmallChi__JTNewEnergy.json";
    static final String ZWQ = "zwq000__JTNewEnergy.json";
    static final String SUNSKY = "sunsky74__gb32960__reconstructed.json";

    static final List<String> FILES = List.of(EMQX, RTM_CON, NODE36, JTNE, ZWQ, SUNSKY);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, SourceFile> CACHE = new ConcurrentHashMap<>();

    private ConformanceCorpus() {
    }

    /** A source file: its header (everything but the entries) and its entries. */
    record SourceFile(String name, JsonNode header, List<CorpusEntry> entries) {
    }

    static Path dir() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    static boolean present() {
        Path d = dir();
        return d != null && Files.isDirectory(d);
    }

    static void assumePresent() {
        Assumptions.assumeTrue(present(), () -> "conformance corpus not found at " + dir()
                + " (system property " + PROPERTY + ")");
    }

    /**
     * One {@code Arguments.of(id, entry)} per entry of {@code file}; without the corpus a single
     * placeholder, so the parameterized test runs once and skips itself visibly.
     */
    static Stream<Arguments> arguments(String file) {
        if (!present()) {
            return Stream.of(Arguments.of(file + ": conformance corpus not found at " + dir(), null));
        }
        return load(file).entries().stream().map(e -> Arguments.of(e.id(), e));
    }

    static SourceFile load(String file) {
        return CACHE.computeIfAbsent(file, ConformanceCorpus::read);
    }

    private static SourceFile read(String file) {
        Path path = dir().resolve(file);
        JsonNode root = MAPPER.readTree(path.toFile());
        List<CorpusEntry> entries = new ArrayList<>();
        for (JsonNode e : root.get("entries").values()) {
            entries.add(CorpusEntry.of(file, e));
        }
        return new SourceFile(file, root, List.copyOf(entries));
    }

    static String readme() {
        try {
            return Files.readString(dir().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
