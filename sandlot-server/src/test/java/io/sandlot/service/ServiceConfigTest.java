package io.sandlot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service's configuration: defaults, fail-fast setters, checks across settings, copies. */
class ServiceConfigTest {

    @Test
    void build_defaults_useTheDefaultMaximums() {
        ServiceConfig config = ServiceConfig.newBuilder().build();

        assertThat(config.maxLimits()).isEqualTo(ServiceConfig.DEFAULT_MAX_LIMITS);
        assertThat(config.defaultLimits()).isEqualTo(Limits.DEFAULT);
        assertThat(config.factory()).isEmpty();
    }

    @Test
    void build_defaultLimitAboveMaximum_failsNamingTheLimit() {
        ServiceConfig.Builder builder = ServiceConfig.newBuilder()
                .maxLimits(Limits.newBuilder(ServiceConfig.DEFAULT_MAX_LIMITS).timeoutMs(1_000).build());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default limit timeoutMs=30000 is above the server's maximum of 1000");
    }

    @Test
    void build_sessionTtlAboveMaximum_failsNamingBoth() {
        ServiceConfig.Builder builder = ServiceConfig.newBuilder().sessionTtl(Duration.ofHours(2));

        assertThatThrownBy(builder::build).hasMessage("sessionTtl 7200 s is above maxSessionTtl 3600 s");
    }

    @Test
    void setters_outOfRange_failNamingTheSetting() {
        ServiceConfig.Builder builder = ServiceConfig.newBuilder();

        assertThatThrownBy(() -> builder.maxConcurrency(0)).hasMessage("maxConcurrency must be >= 1, was 0");
        assertThatThrownBy(() -> builder.tenants(0)).hasMessage("tenants must be >= 1, was 0");
        assertThatThrownBy(() -> builder.queueTimeout(Duration.ZERO)).hasMessageStartingWith("queueTimeout");
        assertThatThrownBy(() -> builder.maxHeapUsage(1.5)).hasMessageStartingWith("maxHeapUsage");
        assertThatThrownBy(() -> builder.sessionFileQuotaBytes(0)).hasMessageStartingWith("sessionFileQuotaBytes");
    }

    @Test
    void newBuilder_fromPrototype_copiesEverySetting() {
        ServiceConfig prototype = ServiceConfig.newBuilder().maxSessions(5).sessionsPerTenant(2).tenants(3)
                .queueSize(7).maxHeapUsage(0.5).build();

        ServiceConfig copy = ServiceConfig.newBuilder(prototype).build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(prototype);
    }
}
