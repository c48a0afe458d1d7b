package io.sandlot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.sandlot.Limits;
import io.sandlot.service.ServiceConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * deploy/kubernetes, read strictly into the Kubernetes model (no unknown kind or field), and checked for what must
 * hang together: the server's arguments are real {@code serve} options, the grace period covers the pre-stop pause
 * and the server's shutdown timeout, which covers the longest allowed execution; the memory limit covers the heap and
 * the heap the execution slots; selectors and names match; the HAProxy ConfigMap is what the generator makes for the
 * autoscaler's maximum, and HAProxy accepts it.
 */
class KubernetesManifestsTest {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final Path MANIFESTS = BASEDIR.resolve("deploy/kubernetes");
    private static final long GIB = 1L << 30;

    @Test
    void everyManifest_isAKnownKindWithoutUnknownFields() throws IOException {
        List<String> unknown = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (HasMetadata resource : all()) {
            kinds.add(resource.getKind());
            unknown.addAll(StrictModel.unknownFields(resource));
            assertThat(resource.getMetadata().getLabels()).as(resource.getKind())
                    .containsEntry("app.kubernetes.io/part-of", "sandlot");
        }

        assertThat(unknown).isEmpty();
        assertThat(kinds).contains("Namespace", "Secret", "Service", "StatefulSet", "Deployment", "ConfigMap",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy");
    }

    @Test
    void strictModel_misspelledField_isReportedWithItsPath() {
        HasMetadata probe = StrictModel.read("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: typo}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          readinessProbe: {periodSecnds: 5}
                """).getFirst();

        assertThat(StrictModel.unknownFields(probe))
                .containsExactly("StatefulSet/typo.spec.template.spec.containers[0].readinessProbe.periodSecnds");
    }

    @Test
    void server_argumentsAreServeOptions_andTimesAndMemoryHangTogether() throws IOException {
        PodSpec pod = one(StatefulSet.class).getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().getFirst();
        List<String> args = server.getArgs().stream().map(arg -> arg.replace("$(POD_NAME)", "sandlot-0")).toList();
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args.toArray(String[]::new));

        long shutdownSeconds = serve.options.shutdownTimeout().toSeconds();
        long preStopSeconds = server.getLifecycle().getPreStop().getSleep().getSeconds();
        long longestExecutionSeconds = ServiceConfig.DEFAULT_MAX_LIMITS.timeoutMs() / 1000;
        assertThat(serve.nodeId).isEqualTo("sandlot-0");
        assertThat(shutdownSeconds).isGreaterThanOrEqualTo(longestExecutionSeconds);
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(preStopSeconds + shutdownSeconds + 10);

        String javaOpts = server.getEnv().stream().filter(env -> env.getName().equals("SANDLOT_JAVA_OPTS"))
                .findFirst().orElseThrow().getValue();
        long heap = bytes(javaOpts.replaceFirst(".*-Xmx(\\d+[gGmM]).*", "$1"));
        int slots = serve.options.maxConcurrency;
        Quantity memoryLimit = server.getResources().getLimits().get("memory");
        assertThat(heap).as("-Xmx covers %d slots at the default memory limit, and 1 GiB for the host", slots)
                .isGreaterThanOrEqualTo(slots * Limits.DEFAULT.maxMemoryMb() * (1L << 20) + GIB);
        assertThat(Quantity.getAmountInBytes(memoryLimit)).as("the memory limit covers the heap and 2 GiB beside it")
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(heap + 2 * GIB));
        assertThat(server.getResources().getRequests().get("memory")).isEqualTo(memoryLimit);
        assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void selectorsAndNames_matchTheirTargets() throws IOException {
        StatefulSet statefulSet = one(StatefulSet.class);
        Map<String, String> podLabels = statefulSet.getSpec().getTemplate().getMetadata().getLabels();
        Service headless = all().stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(statefulSet.getSpec().getServiceName())).findFirst()
                .orElseThrow();
        HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class);
        Deployment lb = one(Deployment.class);
        String secretName = statefulSet.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null).findFirst().orElseThrow().getSecret().getSecretName();

        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(podLabels).containsAllEntriesOf(headless.getSpec().getSelector())
                .containsAllEntriesOf(one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        assertThat(all().stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getMetadata().getName().equals("sandlot")).findFirst().orElseThrow().getSpec())
                .satisfies(policy -> {
                    assertThat(podLabels).containsAllEntriesOf(policy.getPodSelector().getMatchLabels());
                    assertThat(policy.getPolicyTypes()).contains("Egress");
                    assertThat(policy.getEgress()).isEmpty();
                });
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(statefulSet.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isLessThanOrEqualTo(statefulSet.getSpec().getReplicas());
        assertThat(lb.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(volume ->
                assertThat(volume.getConfigMap().getName()).isEqualTo(haproxyConfigMap().getMetadata().getName()));
        assertThat(one(Secret.class).getMetadata().getName()).isEqualTo(secretName);
    }

    @Test
    void haproxyConfigMap_isTheGeneratorsOutputForTheAutoscalersMaximum_andHaproxyAcceptsIt(@TempDir Path dir)
            throws Exception {
        int maxReplicas = one(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
        String generated = run(List.of(MANIFESTS.resolve("generate-haproxy-config").toString(),
                Integer.toString(maxReplicas)), dir);
        String config = haproxyConfigMap().getData().get("haproxy.cfg");

        assertThat(Files.readString(MANIFESTS.resolve("haproxy-config.yaml"))).as("haproxy-config.yaml is stale: "
                + "regenerate it with deploy/kubernetes/generate-haproxy-config").isEqualTo(generated);
        assertThat(config.lines().filter(line -> line.strip().startsWith("server sandlot-"))).hasSize(maxReplicas);
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), config);
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assertThat(Files.isExecutable(haproxy)).as("haproxy is installed (clients/install installs it)").isTrue();
        assertThat(run(List.of(haproxy.toString(), "-c", "-f", file.toString()), dir))
                .contains("Configuration file is valid");
    }

    private static ConfigMap haproxyConfigMap() throws IOException {
        return all().stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getData().containsKey("haproxy.cfg")).findFirst().orElseThrow();
    }

    private static <T extends HasMetadata> T one(Class<T> kind) throws IOException {
        List<T> found = all().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static List<HasMetadata> all() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(StrictModel.read(Files.readString(file)));
            }
        }
        return resources;
    }

    private static long bytes(String size) {
        long amount = Long.parseLong(size.substring(0, size.length() - 1));
        return Character.toLowerCase(size.charAt(size.length() - 1)) == 'g' ? amount * GIB : amount << 20;
    }

    /** Runs {@code command}; its standard output, after asserting it succeeded. */
    private static String run(List<String> command, Path dir) throws Exception {
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
