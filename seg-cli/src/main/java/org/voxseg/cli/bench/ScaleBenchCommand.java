package org.voxseg.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxseg.core.api.RunListener;
import org.voxseg.core.api.Voxseg;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.training.TrainingState;
import org.voxseg.data.synthetic.SyntheticBrats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench scale}: two epochs of a tiny U-Net on N synthetic BraTS-size cases, as {@code voxseg train}
 * runs them (preprocessing through a fresh cache, training steps, patch validation, whole-case validation at the
 * end), so that runs with N and 4N cases show what grows with the dataset: anonymous memory (RssAnon, the process's
 * own pages; file pages of the mapped cases are the kernel's to drop and do not count), the Java heap after a full
 * GC, preprocessing time per case and the second epoch's time (the first warms the engine and writes back the
 * fresh cache).
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Train two epochs of a tiny network on N BraTS-size synthetic cases; report memory and times.")
public final class ScaleBenchCommand implements Callable<Integer> {

    /** Epochs of the run; the last one is measured. */
    private static final int EPOCHS = 2;

    @Option(names = "--cases", defaultValue = "6", description = "Synthetic cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Dataset root; synthesised there (seed 0) unless it holds cases already.")
    Path data;

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Shape of each synthetic case (default: ${DEFAULT-VALUE}, BraTS).")
    int[] shape;

    @Option(names = "--workers", defaultValue = "0",
            description = "Preprocessing workers (default: ${DEFAULT-VALUE}, from the cores and the heap).")
    int workers;

    @Option(names = "--threads", defaultValue = "0",
            description = "Compute threads (default: ${DEFAULT-VALUE}, the engine's default).")
    int threads;

    @Mixin
    BenchRun run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be positive: " + cases);
        }
        if (!Files.isDirectory(data)) {
            new SyntheticBrats(shape, 0).write(data, cases);
        }
        Path folder = Files.createTempDirectory("voxseg-scale");
        Path config = folder.resolve("scale_config.json");
        Files.writeString(config, config(data.toAbsolutePath(), firstCase(data), workers));
        Measurements measured = new Measurements(folder.resolve("run").resolve("cache"));
        Thread sampler = measured.startSampling();
        long started = System.nanoTime();
        try {
            train(config, folder.resolve("run"), measured);
        } finally {
            sampler.interrupt();
            deleteRecursively(folder);
        }
        report(measured, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** Trains the scale config into {@code run}; its own method, which SpotBugs 4.9 can analyse in one piece. */
    private void train(Path config, Path run, Measurements measured) throws IOException {
        try (Voxseg voxseg = Voxseg.builder().threads(threads).build()) {
            measured.preparationStart = System.nanoTime(); // after the engine has loaded
            voxseg.train(RunConfig.read(config), run, measured);
        }
    }

    /** The first case folder's name, in name order. */
    private static String firstCase(Path root) throws IOException {
        try (var folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted()
                    .findFirst().orElseThrow(() -> new IOException(root + ": no case folder"));
        }
    }

    /**
     * The demo's config shrunk to a 4-8-16-32 U-Net, two epochs of 4 steps of 2 patches of 64^3 and 4 validation
     * batches, the first case validating (so that the whole-case validation at the end costs the same at every N).
     */
    private static String config(Path root, String validationCase, int workers) {
        return """
                {
                  "model": {"in_channels": 4, "out_channels": 3, "filters": [4, 8, 16, 32]},
                  "optimizer": {"name": "adam", "lr": 0.003},
                  "loss": {"name": "dice_bce"},
                  "dataset": {"brats_root": "ROOT", "preprocessing_workers": WORKERS, "validation_cases": ["CASE"],
                              "preprocessing": {"crop_foreground": true, "normalization": "zscore_nonzero"}},
                  "training": {"epochs": EPOCHS, "iterations_per_epoch": 4, "batch_size": 2,
                               "patch_size": [64, 64, 64], "validation_batches": 4, "seed": 42}
                }
                """.replace("ROOT", root.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                .replace("WORKERS", Integer.toString(workers)).replace("CASE", validationCase)
                .replace("EPOCHS", Integer.toString(EPOCHS));
    }

    private void report(Measurements m, double total) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cases", cases);
        results.put("shape", shape);
        results.put("preprocess_s_per_case", m.preprocessSeconds / cases);
        results.put("epoch_s", m.epochSeconds);
        results.put("rss_anon_epoch_end_mb", m.anonymousAtEpochEnd / 1e6);
        results.put("rss_anon_peak_mb", m.anonymousPeak / 1e6);
        results.put("heap_after_gc_mb", m.heapAfterGc / 1e6);
        results.put("total_s", total);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d case(s) of %dx%dx%d: preprocessing %.2f s/case, epoch %.2f s, RssAnon %.0f MB at"
                + " the epoch's end (peak %.0f MB), heap after GC %.0f MB, %.1f s in all%n", cases, shape[0],
                shape[1], shape[2], m.preprocessSeconds / cases, m.epochSeconds, m.anonymousAtEpochEnd / 1e6,
                m.anonymousPeak / 1e6, m.heapAfterGc / 1e6, total);
        out.flush();
        run.save(results);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** What the run's events and a sampling thread measure. */
    private static final class Measurements implements RunListener {
        private final Path cache;
        long preparationStart;
        volatile long anonymousPeak;
        double preprocessSeconds;
        double epochSeconds;
        long anonymousAtEpochEnd;
        long heapAfterGc;

        Measurements(Path cache) {
            this.cache = cache;
        }

        /** Samples RssAnon every 50 ms into the peak until interrupted. */
        Thread startSampling() {
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    anonymousPeak = Math.max(anonymousPeak, PeakMemory.anonymousBytes().orElse(0));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "voxseg-rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
            return sampler;
        }

        /**
         * Times the preparation and then writes the fresh cache to disk, so that the kernel's writeback of it (which
         * starts 30 s after the pages were written) does not land in the measured epoch, more often with more cases.
         */
        @Override
        public void casePrepared(String caseId, int done, int total) {
            if (done == total) {
                preprocessSeconds = (System.nanoTime() - preparationStart) / 1e9;
                try (var files = Files.list(cache)) {
                    for (Path file : files.toList()) {
                        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            channel.force(true);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** Measures after the last epoch; the first warms the engine and the file cache, as any run's does. */
        @Override
        public void epochEnded(TrainingState state) {
            if (state.epoch() < EPOCHS) {
                return;
            }
            epochSeconds = state.latest().orElseThrow().seconds();
            System.gc();
            heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            anonymousAtEpochEnd = PeakMemory.anonymousBytes().orElse(0);
        }
    }
}
