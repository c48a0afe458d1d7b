package io.sandlot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.Limit;
import io.sandlot.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The limit flags of {@code run}, {@code batch} and {@code serve}: made from {@link Limit}'s table. */
class LimitOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "batch", "serve"})
    void command_hasAFlagPerLimitDescribedByTheTable(String name) {
        CommandLine command = Main.commandLine().getSubcommands().get(name);
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);

        for (Limit limit : Limit.values()) {
            OptionSpec option = command.getCommandSpec().findOption(limit.flag());
            assertThat(option).as(limit.flag()).isNotNull();
            assertThat(option.description()).containsExactly(LimitOptions.description(limit));
            assertThat(usage).contains(limit.flag() + "=N");
        }
        assertThat(command.getCommandSpec().findOption("--limits")).isNotNull();
    }

    @Test
    void description_givesUnitOffValueAndDefault() {
        assertThat(LimitOptions.description(Limit.TIMEOUT_MS))
                .isEqualTo("Wall-time limit, counted from the start of guest code (ms; 0 = off; default 30000).");
        assertThat(LimitOptions.description(Limit.MAX_STATEMENTS))
                .isEqualTo("Statement limit: statements of the guest's own code (statements; 0 = off, the default).");
    }

    @Test
    void limits_flagsOverrideTheSpec() {
        LimitOptions options = parse("--limits", "timeoutMs=1000,cpuTimeMs=7", "--timeout-ms", "5",
                "--max-input-bytes", "9");

        assertThat(options.limits())
                .isEqualTo(Limits.newBuilder().timeoutMs(5).cpuTimeMs(7).maxInputBytes(9).build());
    }

    @Test
    void limits_noFlags_areTheDefaults() {
        assertThat(parse().limits()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void limits_commandLineParsedTwice_forgetsTheFirstFlags() {
        RunCommand run = new RunCommand();
        CommandLine command = new CommandLine(run);
        command.parseArgs("--timeout-ms", "5", "-");
        command.parseArgs("-");

        assertThat(run.limits.limits()).isEqualTo(Limits.DEFAULT);
    }

    @Test
    void limits_badValue_throwsNamingTheLimit() {
        LimitOptions options = parse("--max-memory-mb", "-1");

        assertThatThrownBy(options::limits).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxMemoryMb must be >= 0");
    }

    @Test
    void serveMaxLimitsHelp_namesTheTablesServerMaximums() {
        CommandLine serve = Main.commandLine().getSubcommands().get("serve");

        assertThat(String.join(" ", serve.getCommandSpec().findOption("--max-limits").description()))
                .contains(Limits.defaultServerMaximums().toString());
    }

    private static LimitOptions parse(String... args) {
        RunCommand run = new RunCommand();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-");
        new CommandLine(run).parseArgs(all.toArray(String[]::new));
        return run.limits;
    }
}
