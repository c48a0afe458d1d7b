package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Language;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document in the repository against the server's real route table. */
class ServerOpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static Map<String, Object> document;
    private static List<Router.Route> routes;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SandboxServer.class.getResourceAsStream("/io/sandlot/server/openapi.json")) {
            document = TestServers.map(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        SandboxServer server = TestServers.builder().build();
        routes = server.routeTable();
    }

    @Test
    void document_listsExactlyTheServersRoutes() {
        Set<String> documented = new TreeSet<>();
        TestServers.map(document.get("paths")).forEach((path, item) -> TestServers.map(item).keySet().stream()
                .filter(METHODS::contains).forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> served = new TreeSet<>();
        routes.forEach(route -> served.add(route.method() + " " + route.openApiPath()));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void document_marksExactlyThePublicRoutesAsNeedingNoToken() {
        for (Router.Route route : routes) {
            Map<String, Object> operation = operation(route);
            boolean open = operation.containsKey("security") && TestServers.list(operation.get("security")).isEmpty();
            assertThat(open).as(route.method() + " " + route.pattern()).isEqualTo(!route.authenticated());
            if (route.authenticated()) {
                assertThat(TestServers.map(operation.get("responses"))).as(route.pattern()).containsKey("401");
            }
        }
    }

    @Test
    void document_declaresEveryPathParameter() {
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (Router.Route route : routes) {
            String path = route.openApiPath();
            Map<String, Object> item = TestServers.map(TestServers.map(document.get("paths")).get(path));
            List<Object> declared = new ArrayList<>();
            for (Object p : TestServers.list(item.getOrDefault("parameters", List.of()))) {
                Map<String, Object> resolved = resolve(TestServers.map(p));
                declared.add(resolved.get("name"));
            }
            Matcher m = parameter.matcher(path);
            while (m.find()) {
                assertThat(declared).as(path).contains(m.group(1));
            }
        }
    }

    @Test
    void document_everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(Map.of("$ref", ref))).as(ref).isNotNull());
    }

    @Test
    void document_languageSchemaListsEveryLanguage() {
        Map<String, Object> schemas = TestServers.map(TestServers.map(document.get("components")).get("schemas"));

        Object languages = TestServers.map(schemas.get("Language")).get("enum");

        assertThat(languages).isEqualTo(Arrays.stream(Language.values()).map(Language::id).toList());
    }

    private static Map<String, Object> operation(Router.Route route) {
        return TestServers.map(TestServers.map(TestServers.map(document.get("paths")).get(route.openApiPath()))
                .get(route.method().toLowerCase()));
    }

    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String pointer)) {
            return node;
        }
        Object current = document;
        for (String part : pointer.substring(2).split("/")) {
            current = current == null ? null : TestServers.map(current).get(part);
        }
        return current == null ? null : TestServers.map(current);
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collectRefs(element, refs));
        }
    }
}
