package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the server says about limits follows {@link Limit}'s table: its default maximums and its OpenAPI schema. */
class ServerLimitTableTest {

    @Test
    void defaultMaxLimits_areTheTablesServerMaximums() {
        assertThat(SandboxServer.DEFAULT_MAX_LIMITS).isEqualTo(Limits.defaultServerMaximums());
    }

    @Test
    void openApiLimitsSchema_isTheTable() throws IOException {
        Map<String, Object> document;
        try (InputStream in = SandboxServer.class.getResourceAsStream("/io/sandlot/server/openapi.json")) {
            document = TestServers.map(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Map<String, Object> schemas = TestServers.map(TestServers.map(document.get("components")).get("schemas"));
        Map<String, Object> properties = TestServers.map(TestServers.map(schemas.get("Limits")).get("properties"));

        assertThat(Json.write(properties)).isEqualTo(Json.write(schema()));
    }

    /** The properties of the OpenAPI schema {@code Limits}, one per row of the table. */
    static Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Limit limit : Limit.values()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", "integer");
            property.put("minimum", limit.offValue());
            property.put("maximum", limit.maxValue());
            property.put("default", limit.defaultValue());
            property.put("description", limit.description() + " (" + limit.unit() + "; 0 = off).");
            properties.put(limit.key(), property);
        }
        return properties;
    }
}
