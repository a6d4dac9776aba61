package org.voxseg.cli.bench;

import picocli.CommandLine.Command;

/** {@code voxseg bench}: performance measurements, each a median over repeated runs after warm-up. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed (medians over repeated runs after warm-up).",
        subcommands = {NiftiBenchCommand.class, PreprocessBenchCommand.class, NetworkBenchCommand.class,
            PredictBenchCommand.class, PipelineBenchCommand.class, ScaleBenchCommand.class, DevicesBenchCommand.class})
public final class BenchCommand {
}
