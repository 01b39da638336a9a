package io.gb32960.admin.vehicle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 16735 / ISO 3779 VIN rules. */
class VinTest {

    @Test
    void theCheckDigitOfKnownVins() {
        // the textbook example: weighted sum 351, 351 mod 11 = 10, written X
        assertThat(Vin.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
        assertThat(Vin.problem("1M8GDM9AXKP042788", Vin.Check.STRICT)).isEmpty();
        assertThat(Vin.checkDigit("11111111111111111")).isEqualTo('1');
        assertThat(Vin.problem("11111111111111111", Vin.Check.STRICT)).isEmpty();
    }

    @Test
    void aWrongCheckDigitIsNamed() {
        assertThat(Vin.problem("1M8GDM9A1KP042788", Vin.Check.STRICT)).hasValueSatisfying(
                p -> assertThat(p).contains("should be X"));
        assertThat(Vin.problem("1M8GDM9A1KP042788", Vin.Check.CHARSET)).isEmpty();
    }

    @Test
    void lengthAndCharacterSet() {
        assertThat(Vin.problem("1M8GDM9AXKP04278", Vin.Check.STRICT)).hasValue("a VIN has 17 characters");
        assertThat(Vin.problem(null, Vin.Check.LENIENT)).isPresent();
        assertThat(Vin.problem("1M8GDM9AXKP04278-", Vin.Check.LENIENT)).isPresent();
        assertThat(Vin.problem("1M8GDM9AXKP04278o", Vin.Check.LENIENT)).isPresent();
        // I, O and Q are not used (confusable with 1 and 0)
        assertThat(Vin.problem("LGB32960SIM000001", Vin.Check.CHARSET)).hasValueSatisfying(
                p -> assertThat(p).contains("no I, O or Q"));
        // simulator fleets may be allowed with LENIENT
        assertThat(Vin.problem("LGB32960SIM000001", Vin.Check.LENIENT)).isEmpty();
    }

    @Test
    void withCheckDigitMakesAnyVinValidAndNormalizeUpperCases() {
        String vin = Vin.withCheckDigit("LSVAU2180N2183294");
        assertThat(Vin.problem(vin, Vin.Check.STRICT)).isEmpty();
        assertThat(Vin.normalize(" lsvau2180n2183294 ")).isEqualTo("LSVAU2180N2183294");
    }
}
