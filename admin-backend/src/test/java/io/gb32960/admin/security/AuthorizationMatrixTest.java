package io.gb32960.admin.security;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may call what, endpoint by endpoint and role by role: allowed calls are not refused (they may
 * still be 400 or 404: the point is the door), others get 403; anonymous callers get 401 (API) or
 * the sign-in page (pages). Request bodies are deliberately invalid, so nothing changes.
 */
@AdminTest
class AuthorizationMatrixTest {

    private static final String VIN = "LADAA1AA1AA000000";

    /** The lowest role that may call an endpoint; ANYONE needs no sign-in, SIGNED_IN any role. */
    enum Level {
        ANYONE, SIGNED_IN, VIEWER, OPERATOR, ADMIN, TERMINAL
    }

    /** Who calls: null = anonymous. */
    enum Caller {
        ANONYMOUS(null), SUPPLIER(Role.SUPPLIER), VIEWER(Role.VIEWER), OPERATOR(Role.OPERATOR), ADMIN(Role.ADMIN);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    record Endpoint(HttpMethod method, String path, String contentType, String body, Level level) {

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/v3/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Endpoint get(String path, Level level) {
        return new Endpoint(HttpMethod.GET, path, null, null, level);
    }

    private static Endpoint json(HttpMethod method, String path, Level level) {
        return new Endpoint(method, path, MediaType.APPLICATION_JSON_VALUE, "{}", level);
    }

    private static Endpoint form(String path, Level level) {
        return new Endpoint(HttpMethod.POST, path, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "", level);
    }

    private static Endpoint delete(String path, Level level) {
        return new Endpoint(HttpMethod.DELETE, path, null, null, level);
    }

    private static Endpoint post(String path, Level level) {
        return new Endpoint(HttpMethod.POST, path, null, null, level);
    }

    /** Every endpoint of the admin backend (placeholders name nothing that exists). */
    static List<Endpoint> endpoints() {
        return List.of(
                // administration API
                get("/api/users", Level.ADMIN), get("/api/users/999999", Level.ADMIN),
                json(HttpMethod.POST, "/api/users", Level.ADMIN), json(HttpMethod.PUT, "/api/users/999999", Level.ADMIN),
                json(HttpMethod.PUT, "/api/users/999999/password", Level.ADMIN), delete("/api/users/999999", Level.ADMIN),
                get("/api/suppliers", Level.ADMIN), get("/api/suppliers/NONE", Level.ADMIN),
                json(HttpMethod.POST, "/api/suppliers", Level.ADMIN), json(HttpMethod.PUT, "/api/suppliers/NONE", Level.ADMIN),
                delete("/api/suppliers/NONE", Level.ADMIN),
                get("/api/tokens", Level.ADMIN), json(HttpMethod.POST, "/api/tokens", Level.ADMIN),
                post("/api/tokens/999999/revoke", Level.ADMIN),
                get("/api/audit", Level.ADMIN),
                get("/api/platform-accounts", Level.ADMIN), get("/api/platform-accounts/NONE", Level.ADMIN),
                json(HttpMethod.POST, "/api/platform-accounts", Level.ADMIN),
                json(HttpMethod.PUT, "/api/platform-accounts/NONE", Level.ADMIN),
                delete("/api/platform-accounts/NONE", Level.ADMIN),
                get("/api/terminal-config/models/NONE", Level.ADMIN),
                json(HttpMethod.PUT, "/api/terminal-config/models/NONE", Level.ADMIN),
                delete("/api/terminal-config/models/NONE", Level.ADMIN),
                get("/api/terminal-config/vehicles/" + VIN, Level.ADMIN),
                json(HttpMethod.PUT, "/api/terminal-config/vehicles/" + VIN, Level.ADMIN),
                delete("/api/terminal-config/vehicles/" + VIN, Level.ADMIN),
                get("/api/terminal-config/vehicles/" + VIN + "/effective", Level.ADMIN),
                post("/api/vehicles/" + VIN + "/secret", Level.ADMIN),
                post("/api/registry/resync", Level.ADMIN),
                // own account
                json(HttpMethod.PUT, "/api/account/password", Level.SIGNED_IN),
                // fleet API
                get("/api/vehicles", Level.VIEWER), get("/api/vehicles/" + VIN, Level.VIEWER),
                get("/api/vehicles/" + VIN + "/state", Level.VIEWER), get("/api/vehicles/" + VIN + "/track", Level.VIEWER),
                get("/api/vehicles/" + VIN + "/online-log", Level.VIEWER),
                json(HttpMethod.POST, "/api/vehicles", Level.OPERATOR),
                json(HttpMethod.PUT, "/api/vehicles/" + VIN, Level.OPERATOR), delete("/api/vehicles/" + VIN, Level.OPERATOR),
                new Endpoint(HttpMethod.POST, "/api/vehicles/import", "text/csv", "colour\n", Level.OPERATOR),
                get("/api/terminal-models", Level.VIEWER), get("/api/terminal-models/NONE", Level.VIEWER),
                json(HttpMethod.POST, "/api/terminal-models", Level.OPERATOR),
                json(HttpMethod.PUT, "/api/terminal-models/NONE", Level.OPERATOR),
                delete("/api/terminal-models/NONE", Level.OPERATOR),
                get("/api/alarms", Level.VIEWER), get("/api/alarms/" + VIN + "/1/2", Level.VIEWER),
                json(HttpMethod.POST, "/api/alarms/" + VIN + "/1/2/ack", Level.OPERATOR),
                get("/api/live/nodes", Level.VIEWER), get("/api/live/positions", Level.VIEWER),
                get("/api/live/nodes/none/vehicles", Level.VIEWER),
                get("/api/dashboard", Level.VIEWER),
                get("/api/commands", Level.VIEWER), get("/api/commands/parameters", Level.VIEWER),
                get("/api/commands/999999", Level.VIEWER), json(HttpMethod.POST, "/api/commands", Level.OPERATOR),
                get("/api/command-batches", Level.VIEWER), get("/api/command-batches/999999", Level.VIEWER),
                get("/api/command-batches/999999/items", Level.VIEWER),
                json(HttpMethod.POST, "/api/command-batches", Level.OPERATOR),
                post("/api/command-batches/999999/cancel", Level.OPERATOR),
                get("/v3/api-docs", Level.VIEWER),
                // terminals only: a user's sign-in does not open it
                get("/api/terminal/config?vin=" + VIN, Level.TERMINAL),
                // pages for everyone, any signed-in user
                get("/", Level.SIGNED_IN), get("/login", Level.ANYONE), get("/actuator/health", Level.ANYONE),
                get("/account/password", Level.SIGNED_IN), form("/account/password", Level.SIGNED_IN),
                get("/actuator/metrics", Level.ADMIN),
                // fleet pages
                get("/dashboard", Level.VIEWER), get("/vehicles", Level.VIEWER), get("/vehicles/" + VIN, Level.VIEWER),
                get("/vehicles/" + VIN + "/online-log", Level.VIEWER), get("/live", Level.VIEWER),
                get("/alarms", Level.VIEWER), get("/alarms/" + VIN + "/1/2", Level.VIEWER),
                get("/commands", Level.VIEWER), get("/commands/999999", Level.VIEWER),
                get("/command-batches", Level.VIEWER), get("/command-batches/999999", Level.VIEWER),
                get("/terminal-models", Level.VIEWER), get("/terminal-models/NONE", Level.VIEWER),
                get("/swagger-ui/index.html", Level.VIEWER),
                get("/vehicles/new", Level.OPERATOR), get("/vehicles/" + VIN + "/edit", Level.OPERATOR),
                get("/vehicles/import", Level.OPERATOR), form("/vehicles/import", Level.OPERATOR),
                get("/commands/new", Level.OPERATOR), get("/command-batches/new", Level.OPERATOR),
                get("/terminal-models/new", Level.OPERATOR), form("/terminal-models", Level.OPERATOR),
                form("/terminal-models/NONE", Level.OPERATOR), form("/terminal-models/NONE/delete", Level.OPERATOR),
                form("/vehicles", Level.OPERATOR), form("/vehicles/" + VIN, Level.OPERATOR),
                form("/vehicles/" + VIN + "/delete", Level.OPERATOR),
                form("/commands/query", Level.OPERATOR), form("/commands/set", Level.OPERATOR),
                form("/commands/control", Level.OPERATOR), form("/command-batches", Level.OPERATOR),
                form("/command-batches/999999/cancel", Level.OPERATOR), form("/alarms/" + VIN + "/1/2/ack", Level.OPERATOR),
                // administration pages
                get("/users", Level.ADMIN), get("/users/new", Level.ADMIN), get("/users/999999", Level.ADMIN),
                form("/users", Level.ADMIN), form("/users/999999", Level.ADMIN), form("/users/999999/delete", Level.ADMIN),
                get("/suppliers", Level.ADMIN), get("/suppliers/new", Level.ADMIN), get("/suppliers/NONE", Level.ADMIN),
                form("/suppliers", Level.ADMIN), form("/suppliers/NONE", Level.ADMIN),
                form("/suppliers/NONE/delete", Level.ADMIN),
                get("/tokens", Level.ADMIN), form("/tokens", Level.ADMIN), form("/tokens/999999/revoke", Level.ADMIN),
                get("/audit", Level.ADMIN),
                get("/platform-accounts", Level.ADMIN), get("/platform-accounts/new", Level.ADMIN),
                get("/platform-accounts/NONE", Level.ADMIN), form("/platform-accounts", Level.ADMIN),
                form("/platform-accounts/NONE", Level.ADMIN), form("/platform-accounts/NONE/delete", Level.ADMIN),
                get("/terminal-config/models/NONE", Level.ADMIN), form("/terminal-config/models/NONE", Level.ADMIN),
                get("/terminal-config/vehicles/" + VIN, Level.ADMIN), form("/terminal-config/vehicles/" + VIN, Level.ADMIN),
                form("/terminal-config/vehicles/" + VIN + "/delete", Level.ADMIN),
                form("/vehicles/" + VIN + "/secret", Level.ADMIN), form("/registry/resync", Level.ADMIN));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Caller c : Caller.values()) {
                all.add(Arguments.of(e, c));
            }
        }
        return all.stream();
    }

    @Autowired
    MockMvc mvc;

    private static boolean allowed(Level level, Caller caller) {
        return switch (level) {
            case ANYONE -> true;
            case TERMINAL -> false;
            case SIGNED_IN -> caller != Caller.ANONYMOUS;
            case VIEWER -> caller == Caller.VIEWER || caller == Caller.OPERATOR || caller == Caller.ADMIN;
            case OPERATOR -> caller == Caller.OPERATOR || caller == Caller.ADMIN;
            case ADMIN -> caller == Caller.ADMIN;
        };
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheRolesAllowedGetThrough(Endpoint e, Caller caller) throws Exception {
        MockHttpServletRequestBuilder r = request(e.method(), e.path()).with(csrf());
        if (e.contentType() != null) {
            r.contentType(e.contentType()).content(e.body());
        }
        if (caller.role != null) {
            r.with(user("matrix-" + caller.name().toLowerCase()).roles(caller.role.name()));
        }
        MockHttpServletResponse response = mvc.perform(r).andReturn().getResponse();
        int status = response.getStatus();
        if (e.level() == Level.TERMINAL) {
            assertThat(status).as("terminal endpoint without a signature").isEqualTo(401);
        } else if (allowed(e.level(), caller)) {
            assertThat(status).as("allowed").isNotIn(401, 403);
            assertThat(response.getRedirectedUrl()).as("not sent to sign in").isNotEqualTo("/login");
        } else if (caller == Caller.ANONYMOUS) {
            if (e.api()) {
                assertThat(status).as("anonymous API call").isEqualTo(401);
            } else {
                assertThat(response.getRedirectedUrl()).as("anonymous page").isEqualTo("/login");
            }
        } else {
            assertThat(status).as("refused role").isEqualTo(403);
        }
    }
}
