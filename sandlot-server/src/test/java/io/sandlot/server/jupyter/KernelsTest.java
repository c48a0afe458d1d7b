package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.server.TestServers;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceConfig;
import io.sandlot.service.ServiceException;
import io.sandlot.service.ServiceException.Kind;
import io.sandlot.service.ServiceObserver;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kernels over the service: names, chosen ids, duplicates, ownership, the model. */
class KernelsTest {

    private static final String KERNEL_ID = "6f1c1a52-4a4b-4f55-8f0e-3b1d2f9c7a10";

    private final SandboxService service = new SandboxService(ServiceConfig.newBuilder().factory(TestServers.FACTORY)
            .maxConcurrency(2).tenants(2).build(), ServiceObserver.NONE);
    private final Kernels kernels = new Kernels(service, Runnable::run);

    @AfterEach
    void close() {
        service.close();
    }

    private static Consumer<Throwable> refusal(Kind kind, String message) {
        return e -> {
            assertThat(e).isInstanceOf(ServiceException.class).hasMessageContaining(message);
            assertThat(((ServiceException) e).kind()).isEqualTo(kind);
        };
    }

    @Test
    void start_withoutName_isTheDefaultPythonKernel() {
        Map<String, Object> model = kernels.start("a", Map.of());

        assertThat(model).containsEntry("name", "python3").containsEntry("execution_state", "idle")
                .containsEntry("connections", 0).containsKeys("id", "last_activity");
        assertThat((String) model.get("last_activity"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    }

    @Test
    void start_kernelIdInEnv_isTheKernelsId_andADuplicateIsRefused() {
        Map<String, Object> model = kernels.start("a", Map.of("name", "javascript", "env",
                Map.of("KERNEL_ID", KERNEL_ID, "KERNEL_USERNAME", "pybox")));

        assertThat(model).containsEntry("id", KERNEL_ID).containsEntry("name", "javascript");
        assertThatThrownBy(() -> kernels.start("a", Map.of("env", Map.of("KERNEL_ID", KERNEL_ID))))
                .satisfies(refusal(Kind.CONFLICT, "Kernel already exists: " + KERNEL_ID));
    }

    @Test
    void start_badInput_isBadRequestNamingTheProblem() {
        assertThatThrownBy(() -> kernels.start("a", Map.of("name", "ruby")))
                .satisfies(refusal(Kind.BAD_REQUEST, "No such kernel named ruby; the kernel specs are javascript, "
                        + "python3"));
        assertThatThrownBy(() -> kernels.start("a", Map.of("name", 3))).satisfies(refusal(Kind.BAD_REQUEST, "name"));
        assertThatThrownBy(() -> kernels.start("a", Map.of("env", "x"))).satisfies(refusal(Kind.BAD_REQUEST, "env"));
        assertThatThrownBy(() -> kernels.start("a", Map.of("env", Map.of("KERNEL_ID", "../../etc"))))
                .satisfies(refusal(Kind.BAD_REQUEST, "env.KERNEL_ID must be a UUID"));
    }

    @Test
    void anotherTenantsKernel_doesNotExist() {
        String id = (String) kernels.start("a", Map.of()).get("id");

        assertThatThrownBy(() -> kernels.model("b", id)).satisfies(refusal(Kind.NOT_FOUND, "Kernel does not exist: "));
        assertThatThrownBy(() -> kernels.shutdown("b", id)).satisfies(refusal(Kind.NOT_FOUND, id));
        assertThatThrownBy(() -> kernels.interrupt("b", id)).satisfies(refusal(Kind.NOT_FOUND, id));
        assertThatThrownBy(() -> kernels.restart("b", id)).satisfies(refusal(Kind.NOT_FOUND, id));
        assertThat(kernels.list("b")).isEmpty();
        assertThat(kernels.list("a")).extracting(m -> m.get("id")).containsExactly(id);
    }

    @Test
    void shutdown_forgetsTheKernel() {
        String id = (String) kernels.start("a", Map.of()).get("id");

        kernels.shutdown("a", id);

        assertThatThrownBy(() -> kernels.model("a", id)).satisfies(refusal(Kind.NOT_FOUND, id));
        assertThat(kernels.list("a")).isEmpty();
    }

    @Test
    void kernelSpecs_oneForEachLanguage_defaultPython() {
        assertThat(KernelSpec.all()).extracting(KernelSpec::name).containsExactly("javascript", "python3");
        assertThat(KernelSpec.named(KernelSpec.DEFAULT)).map(KernelSpec::languageName).contains("python");
        assertThat(KernelSpec.named("javascript").orElseThrow().toMap()).containsEntry("name", "javascript")
                .extractingByKey("spec").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("language", "javascript").containsEntry("argv", java.util.List.of());
    }
}
