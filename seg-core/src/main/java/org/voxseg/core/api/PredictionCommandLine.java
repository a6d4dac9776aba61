package org.voxseg.core.api;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@link PredictionOption}s as picocli options, for the command-line front ends ({@code voxseg predict},
 * {@code voxseg-spark predict}): a command declares {@code modelTransformer = PredictionCommandLine.class} and reads
 * what was given with {@link #overrides}. A value option is {@code --KEY VALUE}, checked as it is parsed (a wrong
 * value is a usage error); a switch is {@code --KEY} and {@code --no-KEY}, absent meaning the model's setting.
 * Needs picocli, an optional dependency of seg-core that those front ends bring.
 */
public final class PredictionCommandLine implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec command) {
        for (PredictionOption option : PredictionOption.values()) {
            OptionSpec.Builder spec = OptionSpec.builder("--" + option.key()).description(option.description());
            if (option.isSwitch()) {
                spec.type(Boolean.class).arity("0").negatable(true);
            } else {
                spec.type(String.class).paramLabel(option.valueLabel()).converters(value -> checked(option, value));
            }
            command.addOption(spec.build());
        }
        return command;
    }

    /** {@code value} if {@code option} takes it; a wrong value is a usage error, as picocli's own types make it. */
    private static String checked(PredictionOption option, String value) {
        try {
            option.apply(PredictionOverrides.builder(), value);
        } catch (IllegalArgumentException e) {
            // picocli names the option itself: "Invalid value for option '--overlap': 'half': takes F"
            throw new TypeConversionException(e.getMessage().substring(option.key().length() + 3));
        }
        return value;
    }

    /**
     * The overrides the prediction options of {@code command} were given, on a fresh builder.
     *
     * @throws IllegalArgumentException naming an option whose value is wrong
     */
    public static PredictionOverrides.Builder overrides(CommandSpec command) {
        PredictionOverrides.Builder overrides = PredictionOverrides.builder();
        for (PredictionOption option : PredictionOption.values()) {
            Object value = command.findOption("--" + option.key()).getValue();
            if (value != null) {
                option.apply(overrides, value.toString());
            }
        }
        return overrides;
    }
}
