package io.gb32960.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsTest {

    @Test
    void theBannerLinesUpEveryValueAfterTheLongestNameAndTheJsonHoldsNoSecret() {
        Endpoints e = new Endpoints();
        e.put("redis", "127.0.0.1:6379");
        e.put("access node 2 (vehicles)", "127.0.0.1:40000");
        e.showOnce("admin password", "admin-secret");

        String banner = e.banner(1234);

        assertThat(banner).contains("  redis                    127.0.0.1:6379\n")
                .contains("  access node 2 (vehicles) 127.0.0.1:40000\n")
                .contains("  admin password           admin-secret\n");
        assertThat(e.json(1234)).contains("\"access node 2 (vehicles)\": \"127.0.0.1:40000\"")
                .doesNotContain("admin-secret");
    }
}
