package io.gb32960.protocol.conformance;

import io.gb32960.protocol.frame.Edition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the public conformance corpus (PROTOCOL.md §0 sources) through our decoder and encoder:
 * one parameterized test per source file, one invocation per entry, named by the entry id. Each
 * source's values are compared by that source's mapper, in that source's conventions.
 */
class ConformanceCorpusTest {

    static Stream<Arguments> emqxEntries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.EMQX);
    }

    static Stream<Arguments> rtmConEntries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.RTM_CON);
    }

    static Stream<Arguments> node36Entries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.NODE36);
    }

    static Stream<Arguments> jtneEntries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.JTNE);
    }

    static Stream<Arguments> zwqEntries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.ZWQ);
    }

    static Stream<Arguments> sunskyEntries() {
        return ConformanceCorpus.arguments(ConformanceCorpus.SUNSKY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emqxEntries")
    void emqx(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        EmqxExpectations.verify(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtmConEntries")
    void rtmCon(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        RtmConExpectations.verify(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("node36Entries")
    void node36(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        Node36Expectations.verify(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jtneEntries")
    void smallChiJtNewEnergy(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        JtneExpectations.verify(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zwqEntries")
    void zwq000JtNewEnergy(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        ZwqExpectations.verify(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sunskyEntries")
    void sunsky74(String id, CorpusEntry entry) {
        ConformanceCorpus.assumePresent();
        SunskyExpectations.verify(entry);
    }

    /** The totals the corpus README states, so a changed corpus is noticed. */
    @Test
    void corpusTotalsMatchTheReadme() {
        ConformanceCorpus.assumePresent();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        int total = 0;
        int malformed = 0;
        int frames2025 = 0;
        Set<String> ids = new HashSet<>();
        for (String file : ConformanceCorpus.FILES) {
            List<CorpusEntry> entries = ConformanceCorpus.load(file).entries();
            perFile.put(file, entries.size());
            total += entries.size();
            for (CorpusEntry e : entries) {
                assertThat(ids.add(e.id())).as("unique id %s", e.id()).isTrue();
                malformed += e.malformed() ? 1 : 0;
                frames2025 += e.isFrame() && e.edition() == Edition.V2025 ? 1 : 0;
            }
        }
        assertThat(perFile).containsExactly(
                Map.entry(ConformanceCorpus.EMQX, 43), Map.entry(ConformanceCorpus.RTM_CON, 36),
                Map.entry(ConformanceCorpus.NODE36, 18), Map.entry(ConformanceCorpus.JTNE, 17),
                Map.entry(ConformanceCorpus.ZWQ, 2), Map.entry(ConformanceCorpus.SUNSKY, 7));
        assertThat(total).as("entries").isEqualTo(123);
        assertThat(malformed).as("malformed entries").isEqualTo(14);
        assertThat(frames2025).as("2025 frames").isEqualTo(39);
        String readme = ConformanceCorpus.readme();
        assertThat(readme).contains("Total: 123 entries; 14 flagged `malformed`; 39 are 2025 frames.");
        for (Map.Entry<String, Integer> f : perFile.entrySet()) {
            assertThat(readme).as("README row of %s", f.getKey()).contains("| " + f.getKey() + " | " + f.getValue() + " |");
        }
    }

    /** Every *.json file in the corpus directory is one this suite runs. */
    @Test
    void everyCorpusFileIsRun() throws IOException {
        ConformanceCorpus.assumePresent();
        try (Stream<Path> files = Files.list(ConformanceCorpus.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(ConformanceCorpus.FILES);
        }
    }
}
