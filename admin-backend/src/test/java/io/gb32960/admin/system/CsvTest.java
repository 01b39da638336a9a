package io.gb32960.admin.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4180 reading. */
class CsvTest {

    @Test
    void quotesCommasLineEndsAndEmptyFields() throws IOException {
        List<List<String>> r = Csv.read(new StringReader("\uFEFFvin,plate,note\r\nA,\"京A, 1\",\"say \"\"hi\"\"\"\n\nB,,\n"
                + "C,\"two\nlines\",x"), 10);
        assertThat(r).containsExactly(List.of("vin", "plate", "note"), List.of("A", "京A, 1", "say \"hi\""),
                List.of("B", "", ""), List.of("C", "two\nlines", "x"));
    }

    @Test
    void tooManyRowsAndUnclosedQuotesFail() {
        assertThatThrownBy(() -> Csv.read(new StringReader("a\nb\nc\n"), 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("more than 1 rows");
        assertThatThrownBy(() -> Csv.read(new StringReader("a,\"b\n"), 5)).isInstanceOf(IOException.class);
    }
}
