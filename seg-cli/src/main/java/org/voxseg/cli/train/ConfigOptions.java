package org.voxseg.cli.train;

import java.io.IOException;
import java.nio.file.Path;
import org.voxseg.cli.DeviceOption;
import org.voxseg.cli.OutputPathConverter;
import org.voxseg.core.api.TrainingOverrides;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.engine.TorchRuntime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that start from a config: the file, the output folder and the common overrides. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "CONFIG.json",
            description = "The training config (JSON; see examples/brats2020).")
    Path config;

    @Option(names = {"-o", "--output-dir"}, converter = OutputPathConverter.class, required = true, paramLabel = "DIR",
            description = "The run folder (created; resumed if it holds latest.ckpt).")
    Path outputDir;

    @Option(names = "--epochs", paramLabel = "N", description = "Override training.epochs.")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Override training.batch_size.")
    Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", description = "Override training.seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Override training.threads (compute threads).")
    Integer threads;

    @Option(names = "--workers", paramLabel = "N",
            description = "Override dataset.preprocessing_workers (threads preprocessing cases; 0: the default).")
    Integer workers;

    @Option(names = "--precision", paramLabel = "fp32|bf16|fp16",
            description = "Override training.precision: the number type of the convolutions, fp32, bf16 (mixed "
                    + "precision, with float32 weights, normalisation statistics and loss; on GPUs and on CPUs "
                    + "with AMX or AMD's AVX-512 BF16) or fp16 (mixed precision with loss scaling; GPUs only).")
    Precision precision;

    @Option(names = "--quiet", description = "No progress bars: one line per epoch, for logs.")
    boolean quiet;

    @Mixin
    DeviceOption device;

    /**
     * The config with the command line's overrides and {@code extra} ones (pretrained weights, fold).
     *
     * @throws java.io.IOException naming the file and key if the config cannot be read
     */
    RunConfig load(TrainingOverrides.Builder extra) throws IOException {
        RunConfig resolved = extra.epochs(epochs).batchSize(batchSize).seed(seed).threads(threads).workers(workers)
                .precision(precision).build().applyTo(RunConfig.read(config));
        // libtorch reads its thread count when it loads, and checking the device loads it.
        if (resolved.training().threads() > 0) {
            TorchRuntime.useThreads(resolved.training().threads());
        }
        DeviceRequest asked = device.checked();
        return asked == null ? resolved
                : resolved.withTraining(resolved.training().toBuilder().device(asked).build());
    }

    /** The entry point for a run of {@code resolved}, with its compute threads. */
    static Voxseg voxseg(RunConfig resolved) {
        return Voxseg.builder().threads(resolved.training().threads()).build();
    }
}
