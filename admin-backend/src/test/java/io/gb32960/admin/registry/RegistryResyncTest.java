package io.gb32960.admin.registry;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resync rebuilds Redis from MySQL: lost entries come back, orphans go when asked. */
@AdminTest
class RegistryResyncTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RedissonClient redis;
    @Autowired
    VehicleRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lostEntriesAreRestoredAndOrphansRemovedOnlyWhenAsked() throws Exception {
        String vin = TestVins.vin();
        mvc.perform(post("/api/vehicles").with(user("root").roles("ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"vin\":\"" + vin + "\",\"enabled\":true}"))
                .andExpect(status().isCreated());
        redis.getKeys().delete(RedisKeys.vehicle(vin));
        String orphan = TestVins.vin("LOR");
        registry.register(RegisteredVehicle.of(orphan, "")).toCompletableFuture().join();

        mvc.perform(post("/api/registry/resync").with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.orphanVehicles").value(0));
        assertThat(registry.vehicle(vin).toCompletableFuture().join()).isPresent();
        assertThat(registry.vehicle(orphan).toCompletableFuture().join()).isPresent();

        long vehicles = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle", Long.class);
        mvc.perform(post("/api/registry/resync").param("removeOrphans", "true").with(user("root").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.vehicles").value(vehicles))
                .andExpect(jsonPath("$.orphanVehicles").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        assertThat(registry.vehicle(orphan).toCompletableFuture().join()).isEmpty();
        assertThat(registry.vehicle(vin).toCompletableFuture().join()).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REGISTRY_RESYNC'", Integer.class))
                .isGreaterThanOrEqualTo(2);

        mvc.perform(post("/registry/resync").with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/vehicles"));
        mvc.perform(post("/api/registry/resync").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
