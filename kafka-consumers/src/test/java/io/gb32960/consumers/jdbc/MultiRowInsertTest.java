package io.gb32960.consumers.jdbc;

import io.gb32960.consumers.support.ConsumersInfra;
import io.gb32960.consumers.support.TestEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Full chunks through one reused statement, the rest in powers of two: every row once, in order. */
@ExtendWith(ConsumersInfra.class)
class MultiRowInsertTest {

    private final TestEnv env;

    MultiRowInsertTest(TestEnv env) {
        this.env = env;
    }

    @Test
    void everyRowIsInsertedOnceWhateverTheCountAndTheCountsAddUp() throws Exception {
        env.jdbc().execute("CREATE TABLE multi_row (id INT PRIMARY KEY, seq INT NOT NULL AUTO_INCREMENT UNIQUE, v VARCHAR(8))");
        MultiRowInsert<Integer> insert = new MultiRowInsert<>("INSERT IGNORE INTO multi_row (id, v)", 2, "", 4,
                (ps, i, row) -> {
                    ps.setInt(i, row);
                    ps.setString(i + 1, "v" + row);
                });
        List<Integer> rows = IntStream.range(0, 23).boxed().toList(); // 5 full chunks + 2 + 1
        try (Connection c = env.jdbc().getDataSource().getConnection()) {
            assertThat(insert.execute(c, rows)).isEqualTo(23);
            assertThat(insert.execute(c, rows)).as("all there: ignored").isZero();
            assertThat(insert.execute(c, List.of())).isZero();
            assertThat(insert.execute(c, List.of(100, 101, 102))).isEqualTo(3);
        }
        assertThat(env.jdbc().queryForList("SELECT id FROM multi_row ORDER BY seq", Integer.class))
                .containsExactlyElementsOf(IntStream.concat(IntStream.range(0, 23), IntStream.of(100, 101, 102)).boxed().toList());
    }
}
