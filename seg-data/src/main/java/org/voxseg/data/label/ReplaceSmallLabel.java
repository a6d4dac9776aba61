package org.voxseg.data.label;

/**
 * The BraTS rule: when a label map holds fewer than a number of voxels of one label, they all become another label.
 * BraTS scores an enhancing tumour (4) predicted in a case without one as Dice 0, so a small predicted enhancing
 * tumour is safer as necrosis (1), which leaves the tumour core and whole tumour unchanged.
 *
 * @param label the label checked, e.g. 4
 * @param minimumVoxels when fewer voxels than this have {@code label}, they are replaced
 * @param replacement the label they become, e.g. 1
 */
public record ReplaceSmallLabel(int label, int minimumVoxels, int replacement) implements PostprocessingStep {

    public ReplaceSmallLabel {
        if (label == 0 || minimumVoxels < 1) {
            throw new IllegalArgumentException("the small-label rule needs a foreground label (not " + label
                    + ") and a threshold of at least 1 voxel (not " + minimumVoxels + ")");
        }
    }

    @Override
    public void apply(float[] values, int[] shape, ConnectedComponents.Connectivity connectivity) {
        int count = 0;
        for (float value : values) {
            count += value == label ? 1 : 0;
        }
        if (count < minimumVoxels) {
            for (int v = 0; v < values.length; v++) {
                values[v] = values[v] == label ? replacement : values[v];
            }
        }
    }

    @Override
    public String describe() {
        return "label " + label + " becomes " + replacement + " when fewer than " + minimumVoxels + " voxels";
    }
}
