package org.voxseg.data.label;

/**
 * One operation of a {@link Postprocessing} on a label map's values (one channel, x fastest). Each names the
 * structure it works on (a set of label values, e.g. the whole foreground or a BraTS region), so a step decided on
 * validation cases can be written down, read back and explained.
 */
public sealed interface PostprocessingStep permits KeepLargestComponent, RemoveSmallComponents, ReplaceSmallLabel {

    /** Changes {@code values} in place. */
    void apply(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity);

    /** What the step does, in a few words, e.g. "keep the largest component of TC". */
    String describe();

}
