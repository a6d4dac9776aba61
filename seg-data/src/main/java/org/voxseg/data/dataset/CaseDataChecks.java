package org.voxseg.data.dataset;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.voxseg.data.volume.IntensityStatistics;
import org.voxseg.data.volume.Volume;

/**
 * The checks of a case's voxel values, as opposed to its headers: NaN or infinite values, an empty (constant) image
 * channel, label values outside the configured labels. They run on the volumes preprocessing loads anyway, so a case
 * is read once; each problem names the file the values came from.
 */
public final class CaseDataChecks {

    private final int[] labels;

    /** @param labels the label values allowed besides 0 */
    public CaseDataChecks(int[] labels) {
        this.labels = labels.clone();
    }

    /** Every problem of the values of {@code loaded}, the volumes of {@code entry}: image channels, then labels. */
    public List<DatasetProblem> check(CaseFiles entry, CaseLoader.LoadedCase loaded) {
        List<DatasetProblem> problems = new ArrayList<>();
        for (int c = 0; c < loaded.image().channels(); c++) {
            checkImage(entry.id(), loaded.channelFiles().get(c), loaded.image().channel(c), problems);
        }
        if (loaded.labels().isPresent() && entry.label().isPresent()) {
            checkLabels(entry.id(), entry.label().get(), loaded.labels().get(), problems);
        }
        return problems;
    }

    /**
     * The problem, if any, of a label map found to hold {@code values} (e.g. the foreground values a cache entry
     * recorded when it was built); no problem for a case without a label file.
     */
    public List<DatasetProblem> checkLabelValues(CaseFiles entry, int[] values) {
        TreeSet<Float> unexpected = new TreeSet<>();
        for (int value : values) {
            if (value != 0 && !allowed(value)) {
                unexpected.add((float) value);
            }
        }
        return entry.label().isPresent() ? problems(entry.id(), entry.label().get(), unexpected) : List.of();
    }

    /** Adds the problems of one image channel's values. */
    static void checkImage(String id, Path file, FloatBuffer values, List<DatasetProblem> problems) {
        IntensityStatistics stats = IntensityStatistics.of(values);
        if (stats.nanCount() > 0 || stats.infiniteCount() > 0) {
            problems.add(new DatasetProblem(id, file, stats.nanCount() + " NaN and " + stats.infiniteCount()
                    + " infinite values"));
        }
        if (stats.finiteCount() > 0 && stats.finiteMin() == stats.finiteMax()) {
            problems.add(new DatasetProblem(id, file, "empty image: every voxel is " + stats.finiteMin()));
        }
    }

    /** Adds the problem, if any, of a label map's values. */
    void checkLabels(String id, Path file, Volume volume, List<DatasetProblem> problems) {
        TreeSet<Float> unexpected = new TreeSet<>();
        FloatBuffer data = volume.data();
        for (int v = 0; v < data.limit(); v++) {
            float value = data.get(v);
            if (value != 0 && !allowed(value)) {
                unexpected.add(value);
            }
        }
        problems.addAll(problems(id, file, unexpected));
    }

    /** Whether {@code value} is a configured label: a plain loop, since it runs once per foreground voxel. */
    private boolean allowed(float value) {
        for (int label : labels) {
            if (label == value) {
                return true;
            }
        }
        return false;
    }

    private List<DatasetProblem> problems(String id, Path file, TreeSet<Float> unexpected) {
        return unexpected.isEmpty() ? List.of() : List.of(new DatasetProblem(id, file, "label values " + unexpected
                + " are not 0 or one of the configured labels " + Arrays.toString(labels) + editionAdvice(unexpected)));
    }

    /**
     * What to do when the map is numbered as the other BraTS edition (enhancing tumour 4 until 2021, 3 from 2023)
     * and the configured labels as this one; empty otherwise.
     */
    private String editionAdvice(TreeSet<Float> unexpected) {
        boolean three = allowed(3);
        boolean four = allowed(4);
        float only = unexpected.size() == 1 ? unexpected.first() : Float.NaN;
        if (only == 4 && three && !four || only == 3 && four && !three) {
            return "; BraTS 2020 and 2021 label enhancing tumour 4 (dataset.labels [2, 1, 4]), 2023 and later 3 ([2, 1,"
                    + " 3]): give the labels of the edition the files come from, or name the folder as dataset.root,"
                    + " which reads the edition from the file names";
        }
        return "";
    }
}
