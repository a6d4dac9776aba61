package org.voxseg.data.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.voxseg.data.io.AtomicFiles;

/**
 * Cross-validation splits of case ids, kept in a JSON file so every run and every fold of an experiment uses the
 * same partition. The k folds are contiguous chunks of the ids shuffled with the seed (scikit-learn's KFold with
 * shuffle): the first {@code n % k} folds have one case more.
 *
 * @param seed the shuffle seed
 * @param folds each fold's training and validation ids
 */
public record SplitFile(long seed, List<Fold> folds) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One fold: the cases to train on and the cases to validate on.
     *
     * @param train training case ids
     * @param validation validation case ids
     */
    public record Fold(List<String> train, List<String> validation) {
        public Fold {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }
    }

    public SplitFile {
        folds = List.copyOf(folds);
    }

    /**
     * k folds of {@code ids}.
     *
     * @throws IllegalArgumentException if k is below 2 or above the number of cases
     */
    public static SplitFile kFold(List<String> ids, int k, long seed) {
        if (k < 2 || k > ids.size()) {
            throw new IllegalArgumentException("k-fold needs 2 <= k <= " + ids.size() + " cases, not k = " + k);
        }
        List<String> shuffled = new ArrayList<>(new TreeSet<>(ids));
        Collections.shuffle(shuffled, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = shuffled.size() / k + (f < shuffled.size() % k ? 1 : 0);
            List<String> validation = shuffled.subList(start, start + size);
            List<String> train = new ArrayList<>(shuffled.subList(0, start));
            train.addAll(shuffled.subList(start + size, shuffled.size()));
            folds.add(new Fold(train, validation));
            start += size;
        }
        return new SplitFile(seed, folds);
    }

    /**
     * A single split with a fixed validation list.
     *
     * @throws IllegalArgumentException if a validation id is not among {@code ids}, or no case is left to train on
     */
    public static SplitFile fixed(List<String> ids, List<String> validation) {
        Set<String> known = new TreeSet<>(ids);
        for (String id : validation) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("validation case " + id + " is not in the dataset");
            }
        }
        List<String> train = ids.stream().filter(id -> !validation.contains(id)).toList();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("every case is in the validation list: none is left to train on");
        }
        return new SplitFile(0, List.of(new Fold(train, validation)));
    }

    /**
     * The split stored in {@code file}, or a new k-fold split written there, so that the next run reuses it.
     *
     * @throws IOException if the file cannot be read or written, is not a split file, or covers other cases than
     *     {@code ids} (the message names the differences; delete the file to split again)
     */
    public static SplitFile loadOrCreate(Path file, List<String> ids, int k, long seed) throws IOException {
        if (!Files.exists(file)) {
            SplitFile split = kFold(ids, k, seed);
            byte[] text = JSON.writeValueAsBytes(split);
            AtomicFiles.write(file, out -> out.write(text));
            return split;
        }
        SplitFile split;
        try {
            split = JSON.readValue(file.toFile(), SplitFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a split file: " + e.getOriginalMessage());
        }
        if (split.folds().isEmpty()) {
            throw new IOException(file + ": the split file has no folds; delete it to split again");
        }
        Set<String> stored = new TreeSet<>(split.folds().get(0).train());
        stored.addAll(split.folds().get(0).validation());
        Set<String> current = new TreeSet<>(ids);
        if (!stored.equals(current)) {
            Set<String> added = new TreeSet<>(current);
            added.removeAll(stored);
            Set<String> removed = new TreeSet<>(stored);
            removed.removeAll(current);
            throw new IOException(file + ": the split was made for other cases (new: " + added + ", gone: " + removed
                    + "); delete it to split again");
        }
        return split;
    }

    /**
     * Fold {@code k} (0-based).
     *
     * @throws IllegalArgumentException if there is no such fold
     */
    public Fold fold(int k) {
        if (k < 0 || k >= folds.size()) {
            throw new IllegalArgumentException("fold " + k + " does not exist: the split has " + folds.size()
                    + " fold(s), numbered from 0");
        }
        return folds.get(k);
    }
}
