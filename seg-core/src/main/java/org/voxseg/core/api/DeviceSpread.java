package org.voxseg.core.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.data.dataset.CaseShare;

/**
 * Prediction spread over several devices at once: one model copy and one thread per device, each device taking a
 * deterministic share of the cases ({@link CaseShare#split}), so that together they predict every case once. What
 * {@code voxseg predict --devices} does, for every front end.
 */
final class DeviceSpread {

    private final Voxseg voxseg;
    private final List<DeviceRequest> devices;

    /**
     * @throws IllegalArgumentException if no device is given
     * @throws ConfigException naming a device libtorch does not see
     */
    DeviceSpread(Voxseg voxseg, List<DeviceRequest> devices) throws ConfigException {
        Voxseg.requireDevices(devices, "spread the cases over");
        this.voxseg = voxseg;
        this.devices = List.copyOf(devices);
    }

    /**
     * Predicts the cases of {@code share} of {@code inputs} into {@code output}, as {@link ModelPredictor#predictAll}
     * does, split over the devices; {@code listener} hears every device's cases, from their threads.
     *
     * @return the label maps written, sorted
     * @throws IllegalArgumentException if {@code overrides} name a device of their own
     * @throws IOException the first failure of a device, after every device has stopped
     */
    List<Path> predictAll(List<Path> models, PredictionOverrides overrides, List<Path> inputs, Path output,
            CaseShare share, PredictionListener listener) throws IOException {
        if (overrides.device() != null) {
            throw new IllegalArgumentException("give one device or several to spread the cases over, not both");
        }
        ExecutorService threads = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<List<Path>>> parts = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                PredictionOverrides onDevice = overrides.onDevice(devices.get(d));
                CaseShare mine = share.split(d + 1, devices.size());
                parts.add(threads.submit(() -> {
                    try (ModelPredictor predictor = voxseg.predictor(models, onDevice)) {
                        return predictor.predictAll(inputs, output, listener, mine);
                    }
                }));
            }
            List<Path> written = new ArrayList<>();
            for (Future<List<Path>> done : parts) {
                written.addAll(done.get());
            }
            return written.stream().sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while predicting on " + devices);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } finally {
            stop(threads);
        }
    }

    /** Waits for every device's thread: the models' memory is freed after, so none may still predict with it. */
    private static void stop(ExecutorService threads) throws InterruptedIOException {
        threads.shutdownNow();
        try {
            while (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the devices' cases to end");
        }
    }
}
