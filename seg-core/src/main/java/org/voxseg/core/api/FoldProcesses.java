package org.voxseg.core.api;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.engine.ChildJvm;
import org.voxseg.core.engine.DeviceRequest;

/**
 * Trains the folds of a cross-validation at the same time, one at a time per device, each in its own JVM running
 * {@link FoldProcess} (what nnU-Net recommends over data-parallel training): a fold's run folder is exactly what
 * training it alone writes, libtorch's global random state is its own, and a crash takes one fold with it. Each
 * child's output goes to {@link CrossValidation#FOLD_LOG} in its folder. The children get this JVM's class path and
 * options ({@link ChildJvm}), so the class path must hold voxseg's jars, as it does for the launcher and for an
 * application that has voxseg on its class path.
 */
final class FoldProcesses {

    private final List<DeviceRequest> devices;
    private final RunListener listener;

    /**
     * @throws IllegalArgumentException if no device is given
     * @throws ConfigException naming a device libtorch does not see
     */
    FoldProcesses(List<DeviceRequest> devices, RunListener listener) throws ConfigException {
        Voxseg.requireDevices(devices, "train the folds on");
        this.devices = List.copyOf(devices);
        this.listener = listener;
    }

    /**
     * Trains every fold folder (each resumes if it has a checkpoint) and waits for all of them; {@code listener}
     * hears one note per fold as it ends, from the device's thread.
     *
     * @throws IOException naming the folds whose process failed, after all have ended
     */
    void train(List<Path> foldFolders) throws IOException {
        Queue<Path> waiting = new ConcurrentLinkedQueue<>(foldFolders);
        List<String> failed = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DeviceRequest device : devices) {
                running.add(workers.submit(() -> {
                    for (Path fold = waiting.poll(); fold != null; fold = waiting.poll()) {
                        report(fold, device, run(fold, device), failed);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while training folds on " + devices);
        } catch (ExecutionException e) {
            throw new IOException("a fold's process could not be started: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join(", ", failed) + " failed; see " + CrossValidation.FOLD_LOG
                    + " in each");
        }
    }

    private synchronized void report(Path fold, DeviceRequest device, int code, List<String> failed) {
        listener.note(fold.getFileName() + " on " + device + ": " + (code == 0 ? "trained"
                : "failed with exit code " + code) + " (" + fold.resolve(CrossValidation.FOLD_LOG) + ")");
        if (code != 0) {
            failed.add(fold.getFileName().toString());
        }
    }

    /** Trains {@code fold} on {@code device} in a child JVM; its exit code. */
    private static int run(Path fold, DeviceRequest device) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command(FoldProcess.class, List.of(fold.toString(), device.toString()));
        File log = fold.resolve(CrossValidation.FOLD_LOG).toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        try {
            return process.waitFor();
        } finally {
            process.destroy();
        }
    }
}
