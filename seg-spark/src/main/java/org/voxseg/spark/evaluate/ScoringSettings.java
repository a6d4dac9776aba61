package org.voxseg.spark.evaluate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.Structure;

/**
 * What {@code voxseg-spark evaluate} scores, as sent to every executor: the BraTS regions or single labels, and the
 * score of two empty masks.
 *
 * @param labels the labels to score one by one, or null for the BraTS regions WT, TC, ET
 * @param empty the empty-mask convention
 */
public record ScoringSettings(List<Integer> labels, Empty empty) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The choices of {@code --empty}, as {@code voxseg evaluate}'s. */
    public enum Empty {
        /** Two empty masks score Dice 1 (BraTS's convention). */
        BRATS,
        /** Two empty masks have no score (MONAI's). */
        MONAI;

        EmptyMaskConvention convention() {
            return this == BRATS ? EmptyMaskConvention.brats() : EmptyMaskConvention.undefined();
        }
    }

    public ScoringSettings {
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** The structures scored, in column order. */
    List<Structure> structures() {
        return labels == null ? Structure.bratsRegions()
                : Structure.perLabel(labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
