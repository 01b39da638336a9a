package io.gb32960.simulator.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VehicleIdentitiesTest {

    @Test
    void patternNumbersVinsAndDerivesStableIccids() {
        List<VehicleIdentity> ids = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 41, 3);
        assertThat(ids).extracting(VehicleIdentity::vin)
                .containsExactly("LGB32960SIM000041", "LGB32960SIM000042", "LGB32960SIM000043");
        assertThat(ids).allSatisfy(id -> assertThat(id.iccid()).hasSize(20).startsWith("8986").containsOnlyDigits());
        assertThat(ids.get(0).iccid()).isEqualTo(VehicleIdentity.derivedIccid("LGB32960SIM000041"))
                .isNotEqualTo(ids.get(1).iccid());
    }

    @Test
    void badPatternsAreRejected() {
        assertThatThrownBy(() -> VehicleIdentities.pattern("LGB32960SIMULATOR%06d", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 17");
        assertThatThrownBy(() -> VehicleIdentities.pattern("VIN%s%s", 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must format one number");
    }

    @Test
    void fileGivesVinsWithOptionalIccids(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vins.txt");
        Files.writeString(file, "# fleet\nLSVAU2180N2183294, 89860123456789012345\n\nLFV2A21K7N4012345\n");
        List<VehicleIdentity> ids = VehicleIdentities.readFile(file);
        assertThat(ids).containsExactly(new VehicleIdentity("LSVAU2180N2183294", "89860123456789012345"),
                VehicleIdentity.of("LFV2A21K7N4012345"));
    }

    @Test
    void malformedFilesNameTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vins.txt");
        Files.writeString(file, "LSVAU2180N2183294\nLSVAU2180N2183294\n");
        assertThatThrownBy(() -> VehicleIdentities.readFile(file)).hasMessageContaining(":2: duplicate VIN");
        Files.writeString(file, "LSVAU2180N2183294,123456789012345678901\n");
        assertThatThrownBy(() -> VehicleIdentities.readFile(file)).hasMessageContaining(":1: ICCID longer than 20");
        Files.writeString(file, "A,B,C\n");
        assertThatThrownBy(() -> VehicleIdentities.readFile(file)).hasMessageContaining(":1: expected VIN[,ICCID]");
    }
}
