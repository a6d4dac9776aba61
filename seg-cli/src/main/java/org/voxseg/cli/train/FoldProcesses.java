package org.voxseg.cli.train;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voxseg.cli.VoxsegMain;
import org.voxseg.core.engine.DeviceRequest;

/**
 * Trains the folds of a cross-validation at the same time, one at a time per device, each as its own
 * {@code voxseg train} process (what nnU-Net recommends over data-parallel training): a fold's run folder is exactly
 * what training it alone writes, libtorch's global random state is its own, and a crash takes one fold with it. Each
 * child's output goes to {@code fold_k/train.log}; the JVM options of this process are passed on.
 */
final class FoldProcesses {

    /** The log a fold's process writes into its folder. */
    static final String LOG = "train.log";

    private final List<DeviceRequest> devices;
    private final PrintWriter out;

    FoldProcesses(List<DeviceRequest> devices, PrintWriter out) {
        this.devices = List.copyOf(devices);
        this.out = out;
    }

    /**
     * Trains every fold folder (each resumes if it has a checkpoint) and waits for all of them.
     *
     * @throws IOException naming the folds whose process failed, after all have ended
     */
    void train(List<Path> foldFolders) throws IOException, InterruptedException {
        Queue<Path> waiting = new ConcurrentLinkedQueue<>(foldFolders);
        List<String> failed = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DeviceRequest device : devices) {
                running.add(workers.submit(() -> {
                    for (Path fold = waiting.poll(); fold != null; fold = waiting.poll()) {
                        int code = run(fold, device);
                        report(fold, device, code, failed);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("a fold's process could not be started: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join(", ", failed) + " failed; see " + LOG + " in each");
        }
    }

    private synchronized void report(Path fold, DeviceRequest device, int code, List<String> failed) {
        out.printf(Locale.ROOT, "%s on %s: %s (%s)%n", fold.getFileName(), device, code == 0 ? "trained"
                : "failed with exit code " + code, fold.resolve(LOG));
        out.flush();
        if (code != 0) {
            failed.add(fold.getFileName().toString());
        }
    }

    /** Runs {@code voxseg train} on {@code fold} on {@code device} in a child JVM; its exit code. */
    private static int run(Path fold, DeviceRequest device) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        // This JVM's options, without agents and log files, which would clash between processes.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> !option.startsWith(
                "-agentlib") && !option.startsWith("-agentpath") && !option.startsWith("-javaagent")
                && !option.startsWith("-Xlog")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VoxsegMain.class.getName(), "train",
                "--config", fold.resolve("config.json").toString(), "--output-dir", fold.toString(), "--device",
                device.toString(), "--quiet"));
        File log = fold.resolve(LOG).toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        try {
            return process.waitFor();
        } finally {
            process.destroy();
        }
    }
}
