package io.sandlot.cli;

import io.sandlot.Limit;
import io.sandlot.Limits;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The limit flags shared by the commands: {@code --limits SPEC} and one flag per {@link Limit}, such as
 * {@code --timeout-ms}, each overriding the same limit of the spec. The per-limit flags are made from the table
 * when a command mixes this in.
 */
@Command(modelTransformer = LimitOptions.Flags.class)
final class LimitOptions {

    @Option(names = "--limits", paramLabel = "SPEC",
            description = "Limits in their string form, e.g. timeoutMs=1000,maxStatements=100000; a flag of one "
                    + "limit, such as --timeout-ms, overrides it.",
            defaultValue = "")
    String spec;

    private final Map<Limit, Long> flags = new EnumMap<>(Limit.class);

    /**
     * The limits these flags give.
     *
     * @throws IllegalArgumentException naming a bad limit
     */
    Limits limits() {
        Limits.Builder builder = Limits.newBuilder(Limits.parse(spec));
        flags.forEach(builder::set);
        return builder.build();
    }

    /** The help text of {@code limit}'s flag. */
    static String description(Limit limit) {
        return limit.description() + " (" + limit.unit() + "; 0 = off"
                + (limit.defaultValue() == 0 ? ", the default" : "; default " + limit.defaultValue()) + ").";
    }

    /**
     * Adds a flag per limit to the command that mixes in {@link LimitOptions}: picocli applies a mixin's model
     * transformer to the command it is mixed into, while building the command line.
     */
    static final class Flags implements IModelTransformer {

        @Override
        public CommandSpec transform(CommandSpec command) {
            LimitOptions options = find(command)
                    .orElseThrow(() -> new IllegalStateException(command.name() + " does not mix in LimitOptions"));
            for (Limit limit : Limit.values()) {
                command.addOption(OptionSpec.builder(limit.flag())
                        .paramLabel("N")
                        .type(Long.class)
                        .description(description(limit))
                        .setter(new Setter(options.flags, limit))
                        .build());
            }
            return command;
        }

        /** The {@link LimitOptions} mixed into {@code command}, directly or through another mixin. */
        private static Optional<LimitOptions> find(CommandSpec command) {
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof LimitOptions options) {
                    return Optional.of(options);
                }
                Optional<LimitOptions> nested = find(mixin);
                if (nested.isPresent()) {
                    return nested;
                }
            }
            return Optional.empty();
        }
    }

    private record Setter(Map<Limit, Long> flags, Limit limit) implements ISetter {
        @Override
        public <T> T set(T value) {
            if (value == null) {
                flags.remove(limit);
            } else {
                flags.put(limit, (Long) value);
            }
            return null;
        }
    }
}
