package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Limits}: values by {@link Limit}, the string and JSON forms, and their validation. */
class LimitsTest {

    static Stream<Limits> samples() {
        return Stream.of(Limits.DEFAULT, Limits.defaultServerMaximums(),
                Limits.newBuilder().timeoutMs(1).cpuTimeMs(0).maxStatements(7).maxMemoryMb(3).build());
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void default_isTheTablesDefault(Limit limit) {
        assertThat(Limits.DEFAULT.get(limit)).isEqualTo(limit.defaultValue());
        assertThat(Limits.DEFAULT.get(limit.key())).isEqualTo(limit.defaultValue());
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void defaultServerMaximums_isTheTablesServerMaximum(Limit limit) {
        assertThat(Limits.defaultServerMaximums().get(limit)).isEqualTo(limit.serverMaximum());
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void nameConstant_isTheKey(Limit limit) throws ReflectiveOperationException {
        assertThat(Limits.class.getField(limit.name()).get(null)).isEqualTo(limit.key());
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void set_thenGet_returnsTheValueUnderEveryName(Limit limit) {
        Limits limits = Limits.newBuilder().set(limit, 42).build();

        assertThat(limits.get(limit)).isEqualTo(42);
        assertThat(limits.toMap()).containsEntry(limit.key(), 42L);
        assertThat(Limits.newBuilder().set(limit.key(), 42).build()).isEqualTo(limits);
    }

    @Test
    void accessors_readTheirLimit() {
        Limits limits = Limits.newBuilder().timeoutMs(1).cpuTimeMs(2).maxStatements(3).maxMemoryMb(4)
                .maxOutputBytes(5).maxOutputs(8).maxArtifactBytes(9).maxCodeBytes(6).maxInputBytes(7).maxResultRows(10)
                .build();

        assertThat(limits.toMap()).containsExactly(Map.entry("timeoutMs", 1L), Map.entry("cpuTimeMs", 2L),
                Map.entry("maxStatements", 3L), Map.entry("maxMemoryMb", 4L), Map.entry("maxOutputBytes", 5L),
                Map.entry("maxOutputs", 8L), Map.entry("maxArtifactBytes", 9L), Map.entry("maxCodeBytes", 6L),
                Map.entry("maxInputBytes", 7L), Map.entry("maxResultRows", 10L));
        assertThat(new long[] {limits.timeoutMs(), limits.cpuTimeMs(), limits.maxStatements(), limits.maxMemoryMb(),
            limits.maxOutputBytes(), limits.maxOutputs(), limits.maxArtifactBytes(), limits.maxCodeBytes(),
            limits.maxInputBytes(), limits.maxResultRows()})
                .containsExactly(1, 2, 3, 4, 5, 8, 9, 6, 7, 10);
    }

    @Test
    void effectiveMemoryMb_isTheLimitOrItsDefaultWhenOff() {
        assertThat(Limits.newBuilder().maxMemoryMb(64).build().effectiveMemoryMb()).isEqualTo(64);
        assertThat(Limits.newBuilder().maxMemoryMb(0).build().effectiveMemoryMb())
                .isEqualTo(Limit.MAX_MEMORY_MB.defaultValue()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void parse_toString_roundTrips(Limits limits) {
        assertThat(Limits.parse(limits.toString())).isEqualTo(limits);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fromMap_toMap_roundTrips(Limits limits) {
        assertThat(Limits.fromMap(limits.toMap(), Limits.DEFAULT)).isEqualTo(limits);
    }

    @Test
    void parse_repeatedKey_throwsNamingIt() {
        assertThatThrownBy(() -> Limits.parse("timeoutMs=1000, maxStatements=5, timeoutMs = 2000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutMs was already set");
    }

    @Test
    void parse_onBase_keepsWhatTheSpecDoesNotName() {
        Limits limits = Limits.parse("timeoutMs=5", Limits.defaultServerMaximums());

        assertThat(limits).isEqualTo(Limits.newBuilder(Limits.defaultServerMaximums()).timeoutMs(5).build());
    }

    @Test
    void parse_blank_isTheBase() {
        assertThat(Limits.parse(" ")).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void parse_unknownKey_throwsNamingIt() {
        assertThatThrownBy(() -> Limits.parse("timeout=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown limit 'timeout'");
    }

    @Test
    void parse_notANumber_throwsNamingTheKey() {
        assertThatThrownBy(() -> Limits.parse("maxMemoryMb=1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxMemoryMb must be a whole number, was '1.5'");
    }

    @Test
    void fromMap_notAWholeNumber_throwsNamingTheKey() {
        assertThatThrownBy(() -> Limits.fromMap(Map.of("timeoutMs", 1.5), Limits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutMs must be a whole number, was 1.5");
    }

    @Test
    void fromMap_bigIntegerThatFits_isAccepted() {
        assertThat(Limits.fromMap(Map.of("timeoutMs", BigInteger.TEN), Limits.DEFAULT).timeoutMs()).isEqualTo(10);
    }

    @Test
    void fromMap_unknownKey_throwsNamingIt() {
        assertThatThrownBy(() -> Limits.fromMap(Map.of("memory", 1), Limits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown limit 'memory'");
    }

    @Test
    void set_negative_throwsNamingTheKey() {
        assertThatThrownBy(() -> Limits.newBuilder().timeoutMs(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutMs must be >= 0 (0 turns the limit off), was -1");
    }

    @Test
    void set_aboveTheBound_throwsNamingTheKeyAndTheUnit() {
        assertThatThrownBy(() -> Limits.newBuilder().maxMemoryMb(1L << 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxMemoryMb must be <= 1048576 MiB, was 1073741824");
    }

    @Test
    void builder_doesNotChangeWhatItBuilt() {
        Limits.Builder builder = Limits.newBuilder();
        Limits built = builder.build();
        builder.timeoutMs(1);

        assertThat(built).isEqualTo(Limits.DEFAULT);
    }
}
