package io.sandlot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries docs/ARCHITECTURE.md draws, checked on the compiled classes of every module: the public API and the
 * client know nothing of the engine or GraalVM, the engine knows nothing of its front ends, and the service core
 * knows nothing of HTTP. The Maven modules enforce the same at compile time; this test names the rule that broke.
 */
class ArchitectureTest {

    private static final String[] JDK = {"java..", "javax.annotation.."};

    /** The test helpers sandlot-core and sandlot-server share with the modules above them. */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses sandlot;

    @BeforeAll
    static void importClasses() {
        sandlot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("io.sandlot");
    }

    @Test
    void api_dependsOnlyOnTheJdkJacksonAndItself() {
        classes().that().resideInAnyPackage("io.sandlot", "io.sandlot.wire")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(JDK, "io.sandlot", "io.sandlot.wire", "com.fasterxml.jackson.."))
                .because("sandlot-api is what remote clients and embedders share; it must not pull in the engine")
                .check(sandlot);
    }

    @Test
    void client_dependsOnlyOnTheApi() {
        classes().that().resideInAPackage("io.sandlot.client..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(JDK, "io.sandlot", "io.sandlot.wire", "io.sandlot.client..", "com.fasterxml.jackson.."))
                .because("sandlot-client is used without GraalVM")
                .check(sandlot);
    }

    @Test
    void graalVmAndEngineInternals_areUsedOnlyInsideTheEngine() {
        noClasses().that().resideOutsideOfPackages("io.sandlot.internal..", "io.sandlot.local..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sandlot.internal..", "org.graalvm..", "com.oracle.truffle..")
                .because("front ends reach the engine through the public API and io.sandlot.local.SandboxFactory only")
                .check(sandlot);
    }

    @Test
    void duckDb_isUsedOnlyByTheSqlPackage() {
        noClasses().that().resideOutsideOfPackage("io.sandlot.internal.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "java.sql..")
                .because("one package opens DuckDB, locks its configuration and decides what a query may see; "
                        + "everything else asks it for tables and rows")
                .check(sandlot);
    }

    @Test
    void serviceCore_knowsNoTransport() {
        noClasses().that().resideInAPackage("io.sandlot.service..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.sandlot.server..", "io.sandlot.mcp..", "io.sandlot.cli..", "com.sun.net.httpserver..",
                        "java.net.http..", "io.modelcontextprotocol..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("the HTTP, Jupyter and MCP front ends are adapters over one transport-neutral core")
                .check(sandlot);
    }

    @Test
    void mcpSdk_isUsedOnlyByTheMcpAdapterAndItsFrontEnds() {
        noClasses().that().resideOutsideOfPackages("io.sandlot.mcp..", "io.sandlot.server..", "io.sandlot.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")
                .because("the MCP SDK must not leak into the API, the client, the engine or the service core")
                .check(sandlot);
    }

    @Test
    void engine_knowsNoHttpServer() {
        noClasses().that().resideInAnyPackage("io.sandlot.local..", "io.sandlot.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.servlet..")
                .because("the HTTP server is a front end's concern; the API and the client are held to the JDK and "
                        + "Jackson by the rules above")
                .check(sandlot);
    }

    @Test
    void modules_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.sandlot.cli..")
                .layer("server").definedBy("io.sandlot.server..")
                .layer("mcp").definedBy("io.sandlot.mcp..")
                .layer("service").definedBy("io.sandlot.service..")
                .layer("client").definedBy("io.sandlot.client..")
                .layer("engine").definedBy("io.sandlot.local..", "io.sandlot.internal..")
                .layer("api").definedBy("io.sandlot", "io.sandlot.wire")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("mcp").mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("service").mayOnlyBeAccessedByLayers("server", "mcp", "cli")
                .whereLayer("client").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("service", "server", "cli")
                .check(sandlot);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
