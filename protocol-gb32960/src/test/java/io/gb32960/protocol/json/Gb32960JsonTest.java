package io.gb32960.protocol.json;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.wire.Hex;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The paths issue 2 requires of the JSON view, on the typical 2016 frame of the golden corpus. */
class Gb32960JsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Gb32960JsonTest.class.getResourceAsStream("/frames/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Hex.decode(text.lines().map(l -> l.replaceAll("#.*", "")).collect(Collectors.joining()));
        }
    }

    private static JsonNode json(String fixture) throws IOException {
        return MAPPER.readTree(new Gb32960Json().toJson(Gb32960Decoder.uplink().decode(fixture(fixture))));
    }

    @Test
    void everyRequiredPathOfATypical2016FrameInPhysicalUnits() throws IOException {
        JsonNode j = json("typical-2016-realtime.hex");
        assertThat(j.get("edition").asString()).isEqualTo("2016");
        assertThat(j.get("command").asString()).isEqualTo("realtimeReport");
        assertThat(j.get("commandId").asInt()).isEqualTo(2);
        assertThat(j.get("responseFlag").asInt()).isEqualTo(0xFE);
        assertThat(j.get("vin").asString()).isEqualTo("LGB32960TEST00001");
        assertThat(j.get("encryption").asString()).isEqualTo("none");
        assertThat(j.get("collectedAt").asString()).isEqualTo("2024-05-20T10:30:15+08:00");
        JsonNode v = j.get("vehicle");
        assertThat(v.get("speedKmh").asDouble()).isEqualTo(60.0);
        assertThat(v.get("odometerKm").asDouble()).isEqualTo(12345.6);
        assertThat(v.get("totalVoltageV").asDouble()).isEqualTo(318.8);
        assertThat(v.get("totalCurrentA").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(v.get("socPercent").asDouble()).isEqualTo(80.0);
        assertThat(v.get("insulationKohm").asDouble()).isEqualTo(8000.0);
        assertThat(j.get("position").get("valid").isBoolean()).isTrue();
        assertThat(j.get("position").get("longitude").isNumber()).isTrue();
        assertThat(j.get("position").get("latitude").isNumber()).isTrue();
        assertThat(j.get("motors")).hasSize(2);
        assertThat(j.get("motors").get(0).get("speedRpm").asDouble()).isEqualTo(3000.0);
        assertThat(j.get("motors").get(0).get("torqueNm").asDouble()).isCloseTo(150.5, within(1e-9));
        assertThat(j.get("extremes").get("maxCellVoltageV").isNumber()).isTrue();
        assertThat(j.get("extremes").get("minCellVoltageV").isNumber()).isTrue();
        assertThat(j.get("alarms").get("maxLevel").asInt()).isZero();
        assertThat(j.get("alarms").get("flags").isArray()).isTrue();
        assertThat(j.get("cellVoltages").get(0).get("voltagesV")).hasSize(96);
        assertThat(j.get("probeTemperatures").get(0).get("temperaturesC")).hasSize(32);
        assertThat(j.get("abnormal")).isEmpty();
        assertThat(j.get("invalid")).isEmpty();
    }

    @Test
    void abnormalAndInvalidValuesAreNullAndListedByPath() throws IOException {
        for (String fixture : List.of("realtime-2016-sentinels.hex", "realtime-2025-sentinels.hex")) {
            JsonNode j = json(fixture);
            List<String> abnormal = j.get("abnormal").valueStream().map(JsonNode::asString).toList();
            List<String> invalid = j.get("invalid").valueStream().map(JsonNode::asString).toList();
            assertThat(abnormal).as(fixture).isNotEmpty();
            assertThat(invalid).as(fixture).isNotEmpty();
            for (String path : concat(abnormal, invalid)) {
                assertThat(at(j, path).isNull()).as("%s %s", fixture, path).isTrue();
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Follows a path such as {@code cellVoltages[0].voltagesV[3]}. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!name.isEmpty()) {
                node = node.get(name);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
            while (m.find()) {
                node = node.get(Integer.parseInt(m.group(1)));
            }
        }
        return node;
    }
}
