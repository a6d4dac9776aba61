package org.voxseg.core.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.DatasetConfig;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.core.config.RunConfig;
import org.voxseg.data.cache.PreprocessedCache;
import org.voxseg.data.dataset.CaseDataChecks;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.dataset.DatasetProblem;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.dataset.InvalidCaseException;
import org.voxseg.data.io.AtomicFiles;
import org.voxseg.data.sampling.SamplingCase;
import org.voxseg.data.transform.ForegroundIntensities;
import org.voxseg.data.transform.ChannelIntensities;

/**
 * A config's cases made ready for training: found and their headers checked, then preprocessed through the cache (its
 * {@code cache_dir}, or {@code cache} in the output folder) by several worker threads into memory-mapped cases for
 * patch sampling, each case's values checked as it is read. Training runs, the LR range test and cross-validation all
 * prepare their data here.
 */
final class DatasetPreparation {

    /** The file in the output folder that lists every dataset problem. */
    static final String PROBLEMS = "dataset_problems.txt";

    /**
     * The heap one BraTS-size case (four 240x240x155 int16 channels and a uint8 label map, 1 mm) needs while it is
     * loaded, checked, preprocessed (crop, z-score) and written to the cache, with room for the collector. Measured
     * as the smallest {@code -Xmx} a lone JVM builds such an entry in (SyntheticBrats case, PreprocessedCache with
     * data checks, G1, 2 cores): 400 MiB fails with OutOfMemoryError in the normalisation (the loaded, cropped and
     * normalised images are alive together), 410 MiB thrashes for minutes, 420 MiB takes the usual 2.5 s. Rounded up
     * to 512 MiB; the default worker count keeps that many cases within the maximum heap.
     */
    static final long CASE_PEAK_HEAP_BYTES = 512L << 20;
    /**
     * Heap left to everything but the workers' cases: the JVM's own, the engine's and the run's. Measured: two
     * workers at {@code -Xmx1g} ran out of memory on BraTS-size cases, one worker did not.
     */
    static final long RESERVED_HEAP_BYTES = 256L << 20;

    private final DatasetConfig dataset;
    private final ModelDescription description;
    private final CaseDataChecks checks;
    private final Path folder;
    private final int workers;

    /**
     * @param config the resolved config (paths absolute)
     * @param folder the output folder, which holds the cache unless the config names one
     */
    DatasetPreparation(RunConfig config, Path folder) {
        this.dataset = config.dataset();
        this.folder = folder;
        this.description = ModelDescription.of(config);
        this.checks = new CaseDataChecks(dataset.labelArray());
        Runtime runtime = Runtime.getRuntime();
        this.workers = dataset.preprocessingWorkers() > 0 ? dataset.preprocessingWorkers()
                : defaultWorkers(runtime.availableProcessors(), runtime.maxMemory());
    }

    /**
     * The default preprocessing workers: one per core, but no more than the heap holds cases at once besides
     * {@link #RESERVED_HEAP_BYTES}; at least 1.
     */
    static int defaultWorkers(int processors, long maxHeapBytes) {
        return (int) Math.max(1, Math.min(processors, (maxHeapBytes - RESERVED_HEAP_BYTES) / CASE_PEAK_HEAP_BYTES));
    }

    /**
     * The dataset's cases, their headers checked (files present, 3-D, channels, grids); their values are checked as
     * {@link #prepare} reads them.
     *
     * @throws DatasetProblemsException naming the first problem and how many there are, after listing them all in
     *     {@code dataset_problems.txt} in the output folder
     * @throws IOException if the dataset cannot be listed
     */
    List<CaseFiles> validCases() throws IOException {
        List<CaseFiles> cases = dataset.discover();
        if (cases.isEmpty()) {
            throw new ConfigException("the dataset has no cases: " + (dataset.bratsRoot() != null
                    ? dataset.bratsRoot() : dataset.caseList()));
        }
        List<DatasetProblem> problems = new DatasetValidator(dataset.labelArray(), true, dataset.channels().size())
                .validateHeaders(cases);
        if (!problems.isEmpty()) {
            throw listed(problems);
        }
        return cases;
    }

    /**
     * The cases preprocessed (or mapped from the cache) for patch sampling, in the order given, by the configured
     * number of worker threads; each case is reported to {@code listener} as number n of all when it is done, n
     * counting the cases done so far. Callers prepare all their cases in one call, so that no worker idles between
     * groups of cases. A case that fails leaves no entry; the other cases still finish and keep theirs. Temporary
     * entry files of killed runs are removed first.
     *
     * @throws DatasetProblemsException if cases' values fail the data checks: every such problem, listed as
     *     {@link #validCases} lists them
     * @throws IOException if a case cannot be read or its entry written (the first such case in order)
     */
    List<SamplingCase> prepare(List<CaseFiles> cases, RunListener listener) throws IOException {
        PreprocessedCache cache = new PreprocessedCache(dataset.cacheFolder(folder),
                description.preprocessingSettings(), checks);
        cache.removeStaleParts();
        return eachCase(cases, entry -> cache.get(entry).cached().samplingCase(entry.id()),
                (entry, n) -> listener.casePrepared(entry.id(), n, cases.size()));
    }

    /**
     * The statistics of each channel's intensities over the foreground of the cases with a label map, for nnU-Net's
     * CT normalisation ({@link ForegroundIntensities}), read by the configured number of worker threads; each case's
     * values are checked as {@link #prepare} checks them.
     *
     * @throws DatasetProblemsException if cases' values fail the data checks, listed as {@link #validCases} lists them
     * @throws ConfigException if no case has foreground
     * @throws IOException if a case cannot be read
     */
    List<ChannelIntensities> foregroundStatistics(List<CaseFiles> cases, RunListener listener) throws IOException {
        List<CaseFiles> labelled = cases.stream().filter(c -> c.label().isPresent()).toList();
        listener.note("CT normalisation: sampling the foreground intensities of " + labelled.size() + " labelled "
                + "case(s)");
        // Cases are added in the order given, whichever worker finishes first, so the sums are the same every time.
        List<float[][]> samples = eachCase(labelled, entry -> {
            CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
            List<DatasetProblem> problems = checks.check(entry, loaded);
            if (!problems.isEmpty()) {
                throw new InvalidCaseException(problems);
            }
            return ForegroundIntensities.sample(loaded.image(), loaded.labels().orElseThrow());
        }, (entry, n) -> { });
        ForegroundIntensities intensities = new ForegroundIntensities(dataset.channels().size());
        samples.forEach(intensities::add);
        if (!intensities.hasForeground()) {
            throw new ConfigException(dataset.location() + ": no label map has a label above 0, and "
                    + "dataset.preprocessing.normalization 'ct' takes its statistics from the training cases' "
                    + "foreground; label the cases, or choose zscore");
        }
        return intensities.statistics();
    }

    /** Work on one case, run by a worker thread. */
    @FunctionalInterface
    private interface CaseWork<T> {
        T apply(CaseFiles entry) throws IOException;
    }

    /**
     * {@code work} on every case, in the order given, by the configured number of worker threads; every case is
     * worked on even when others fail, and {@code done} hears each that succeeds as number n of those done so far.
     *
     * @throws DatasetProblemsException if cases' values fail the data checks: every such problem
     * @throws IOException the first other failure in case order
     */
    private <T> List<T> eachCase(List<CaseFiles> cases, CaseWork<T> work, ObjIntConsumer<CaseFiles> done)
            throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, cases.size())), task -> {
            Thread thread = new Thread(task, "voxseg-preprocess-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Outcome<T>> outcomes = new ExecutorCompletionService<>(pool);
            for (int n = 0; n < cases.size(); n++) {
                int index = n;
                outcomes.submit(() -> outcome(index, cases.get(index), work));
            }
            List<Outcome<T>> finished = new ArrayList<>(Collections.nCopies(cases.size(), null));
            int succeeded = 0;
            for (int n = 0; n < cases.size(); n++) {
                Outcome<T> outcome = outcomes.take().get();
                finished.set(outcome.index(), outcome);
                if (outcome.failure() == null) {
                    done.accept(cases.get(outcome.index()), ++succeeded);
                }
            }
            return collect(finished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while preparing cases");
        } catch (ExecutionException e) {
            // outcome() catches every exception, so only an Error ends here.
            throw (Error) e.getCause();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A case's result, or how working on it failed. */
    private record Outcome<T>(int index, T result, Exception failure) {
    }

    private static <T> Outcome<T> outcome(int index, CaseFiles entry, CaseWork<T> work) {
        try {
            return new Outcome<>(index, work.apply(entry), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome<>(index, null, e);
        }
    }

    /** The results in order, or the first failure that is not a data problem, or every data problem. */
    private <T> List<T> collect(List<Outcome<T>> finished) throws IOException {
        List<DatasetProblem> problems = new ArrayList<>();
        for (Outcome<T> outcome : finished) {
            Exception failure = outcome.failure();
            if (failure instanceof InvalidCaseException invalid) {
                problems.addAll(invalid.problems());
            } else if (failure instanceof IOException e) {
                throw e;
            } else if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
        if (!problems.isEmpty()) {
            throw listed(problems);
        }
        return finished.stream().map(Outcome::result).toList();
    }

    /** The exception for {@code problems}, after listing them in {@code dataset_problems.txt}. */
    private DatasetProblemsException listed(List<DatasetProblem> problems) throws IOException {
        Path listing = folder.resolve(PROBLEMS);
        Files.createDirectories(folder);
        AtomicFiles.write(listing, out -> out.write(problems.stream().map(p -> p + "\n")
                .collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8)));
        return new DatasetProblemsException(problems, listing);
    }
}
