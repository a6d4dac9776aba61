package org.voxseg.data.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads cases in order, reading the next case on a background thread while the caller works on the current one, so
 * that decoding gzip overlaps prediction. At most two cases are in memory: the one handed out and the one being read.
 */
public final class ReadAheadLoader implements AutoCloseable {

    private final List<CaseFiles> cases;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "voxseg-read-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private int next;
    private CompletableFuture<CaseLoader.LoadedCase> pending;

    public ReadAheadLoader(List<CaseFiles> cases) {
        this.cases = List.copyOf(cases);
        if (!this.cases.isEmpty()) {
            pending = readAsync(this.cases.get(0));
        }
    }

    /** Whether a case is left. */
    public boolean hasNext() {
        return next < cases.size();
    }

    /**
     * The next case, waiting for its read to finish, and starts reading the one after it.
     *
     * @throws IOException if the case cannot be read (as {@link CaseLoader#load} says)
     * @throws NoSuchElementException if every case has been handed out
     */
    public CaseLoader.LoadedCase next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException("no case left");
        }
        CompletableFuture<CaseLoader.LoadedCase> current = pending;
        next++;
        pending = hasNext() ? readAsync(cases.get(next)) : null;
        try {
            return current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + cases.get(next - 1).id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    private CompletableFuture<CaseLoader.LoadedCase> readAsync(CaseFiles entry) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CaseLoader.load(entry);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, reader);
    }

    /** Stops reading; a case being read is abandoned. */
    @Override
    public void close() {
        reader.shutdownNow();
    }
}
