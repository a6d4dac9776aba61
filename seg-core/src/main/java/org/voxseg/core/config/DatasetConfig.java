package org.voxseg.core.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.voxseg.data.dataset.BratsLayout;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseList;
import org.voxseg.data.dataset.DatasetDescription;
import org.voxseg.data.dataset.DatasetLayout;
import org.voxseg.data.dataset.DatasetLayouts;
import org.voxseg.data.label.LabelEncoding;

/**
 * The config's {@code dataset} section: where the cases are (a dataset root of any layout voxseg recognises, or
 * the older keys for a BraTS folder or a case list file), the channels in the network's order, the labels and how
 * they become output channels, a fixed validation list if wanted, where preprocessed cases are cached, and the
 * preprocessing. Relative paths are relative to the config file.
 *
 * @param root a dataset of any {@link DatasetLayout} (channels, labels and regions are then read from it where the
 *     config gives none; see {@link DatasetDefaults}), or null
 * @param bratsRoot a folder of BraTS case folders ({@code <case>/<case>_<channel>.nii.gz}), or null
 * @param caseList a JSON case list ({@code [{"image": [...], "label": ...}]}), or null
 * @param channels channel names in the network's input order
 * @param labels label values in the files, e.g. [2, 1, 4]
 * @param labelHierarchy nested regions (sigmoid outputs) instead of one-hot classes (softmax)
 * @param regionNames names of the output channels, e.g. WT, TC, ET
 * @param validationCases case ids to validate on instead of a k-fold split, or empty
 * @param cacheDir folder for preprocessed cases, or null for {@code cache} in the output folder
 * @param preprocessing the preprocessing section
 * @param preprocessingWorkers threads preprocessing cases into the cache (0: as many as the cores and the heap
 *     allow); results do not depend on it, so it is not part of a cache entry's key
 */
public record DatasetConfig(String root, String bratsRoot, String caseList, List<String> channels,
        List<Integer> labels, boolean labelHierarchy, List<String> regionNames, List<String> validationCases,
        String cacheDir, PreprocessingConfig preprocessing, int preprocessingWorkers) {

    /** The BraTS labels, the default. */
    private static final List<Integer> BRATS_LABELS = List.of(2, 1, 4);

    /** A builder with the defaults: BraTS channels, labels [2, 1, 4] as the nested regions WT, TC, ET. */
    public static Builder builder() {
        return new Builder();
    }

    public DatasetConfig {
        channels = List.copyOf(channels);
        labels = List.copyOf(labels);
        regionNames = List.copyOf(regionNames);
        validationCases = List.copyOf(validationCases);
        if (Set.copyOf(channels).size() != channels.size()) {
            throw new IllegalArgumentException("channels names a channel twice: " + channels);
        }
        if (Stream.of(root, bratsRoot, caseList).filter(Objects::nonNull).count() > 1) {
            throw new IllegalArgumentException("give one of root, brats_root and case_list");
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("channels must name at least one channel");
        }
        SectionChecks.requireNonNegative("preprocessing_workers", preprocessingWorkers);
        LabelEncoding encoding = LabelEncoding.of(toArray(labels), labelHierarchy);
        if (regionNames.size() != encoding.channels()) {
            throw new IllegalArgumentException("region_names has " + regionNames.size() + " names for "
                    + encoding.channels() + " output channels");
        }
    }

    /** The label values as a new array, as the label encodings and dataset checks take them. */
    public int[] labelArray() {
        return toArray(labels);
    }

    /** How label maps become the network's targets. */
    public LabelEncoding encoding() {
        return LabelEncoding.of(labelArray(), labelHierarchy);
    }

    /** This section with its paths made absolute against {@code folder} (the config file's folder). */
    public DatasetConfig resolvedAgainst(Path folder) {
        return new DatasetConfig(resolve(folder, root), resolve(folder, bratsRoot), resolve(folder, caseList), channels,
                labels, labelHierarchy, regionNames, validationCases, resolve(folder, cacheDir), preprocessing,
                preprocessingWorkers);
    }

    /** The folder of preprocessed cases: {@code cache_dir}, or {@code cache} in {@code runFolder}. */
    public Path cacheFolder(Path runFolder) {
        return cacheDir != null ? Path.of(cacheDir) : runFolder.resolve("cache");
    }

    /** This section with preprocessed cases cached in {@code folder}. */
    public DatasetConfig withCacheDir(Path folder) {
        return new DatasetConfig(root, bratsRoot, caseList, channels, labels, labelHierarchy, regionNames,
                validationCases, folder.toString(), preprocessing, preprocessingWorkers);
    }

    /** This section with {@code newPreprocessing} in place of its preprocessing. */
    public DatasetConfig withPreprocessing(PreprocessingConfig newPreprocessing) {
        return new DatasetConfig(root, bratsRoot, caseList, channels, labels, labelHierarchy, regionNames,
                validationCases, cacheDir, newPreprocessing, preprocessingWorkers);
    }

    /** This section with {@code workers} preprocessing threads (0: the default). */
    public DatasetConfig withPreprocessingWorkers(int workers) {
        return new DatasetConfig(root, bratsRoot, caseList, channels, labels, labelHierarchy, regionNames,
                validationCases, cacheDir, preprocessing, workers);
    }

    /** The dataset folder or case list the section names, whichever key names it; null if none does. */
    public String location() {
        return root != null ? root : bratsRoot != null ? bratsRoot : caseList;
    }

    /** The key that names {@link #location()}: {@code dataset.root}, {@code .brats_root} or {@code .case_list}. */
    public String locationKey() {
        return "dataset." + (root != null ? "root" : bratsRoot != null ? "brats_root" : "case_list");
    }

    /**
     * The cases the section names: for a root, its training cases ({@link DatasetDescription#trainingCases()}).
     *
     * @throws ConfigException if it names no dataset
     * @throws IOException if the folder or list cannot be read, or (in one line) its description is malformed
     */
    public List<CaseFiles> discover() throws IOException {
        if (root != null) {
            return DatasetLayouts.describe(Path.of(root)).trainingCases();
        }
        if (bratsRoot != null) {
            return BratsLayout.discover(Path.of(bratsRoot), channels);
        }
        if (caseList != null) {
            return CaseList.read(Path.of(caseList));
        }
        throw new ConfigException("the dataset section needs root (or brats_root, case_list)");
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String resolve(Path folder, String path) {
        return path == null ? null : folder.resolve(path).normalize().toString();
    }

    /** Collects a dataset section; region names default to the labels'. */
    public static final class Builder {
        private String root;
        private String bratsRoot;
        private String caseList;
        private List<String> channels = BratsLayout.DEFAULT_CHANNELS;
        private List<Integer> labels = BRATS_LABELS;
        private boolean labelHierarchy = true;
        private List<String> regionNames;
        private List<String> validationCases = List.of();
        private String cacheDir;
        private PreprocessingConfig preprocessing = PreprocessingConfig.builder().build();
        private int preprocessingWorkers;

        private Builder() {
        }

        public Builder root(String value) {
            root = value;
            return this;
        }

        /** Channels, labels and region names as {@code description} gives them, where it gives them. */
        public Builder describedBy(DatasetDescription description) {
            if (!description.channels().isEmpty()) {
                channels = description.channels();
            }
            description.labels().ifPresent(scheme -> {
                labels = scheme.labels();
                labelHierarchy = scheme.nestedRegions();
                regionNames = scheme.outputNames();
            });
            return this;
        }

        public Builder bratsRoot(String value) {
            bratsRoot = value;
            return this;
        }

        public Builder caseList(String value) {
            caseList = value;
            return this;
        }

        public Builder channels(List<String> value) {
            channels = value;
            return this;
        }

        @JsonDeserialize(using = IntListDeserializer.class)
        public Builder labels(List<Integer> value) {
            labels = value;
            return this;
        }

        public Builder labelHierarchy(boolean value) {
            labelHierarchy = value;
            return this;
        }

        public Builder regionNames(List<String> value) {
            regionNames = value;
            return this;
        }

        public Builder validationCases(List<String> value) {
            validationCases = value;
            return this;
        }

        public Builder cacheDir(String value) {
            cacheDir = value;
            return this;
        }

        public Builder preprocessing(PreprocessingConfig value) {
            preprocessing = value;
            return this;
        }

        public Builder preprocessingWorkers(int value) {
            preprocessingWorkers = value;
            return this;
        }

        public DatasetConfig build() {
            return new DatasetConfig(root, bratsRoot, caseList, channels, labels, labelHierarchy,
                    regionNames != null ? regionNames
                            : LabelEncoding.of(toArray(labels), labelHierarchy).defaultOutputNames(), validationCases,
                    cacheDir, preprocessing, preprocessingWorkers);
        }
    }
}
