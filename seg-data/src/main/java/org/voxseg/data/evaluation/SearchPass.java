package org.voxseg.data.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The means of one pass of {@link PostprocessingSearch} over the cases. A class, not a record: it hands over the
 * per-structure arrays the search indexes, which a record would compare by identity.
 */
final class SearchPass {

    private final double[] dice;
    private final double[] hd95;
    private final double[][] candidateDice;
    private final Map<String, List<Integer>> sizes;
    private final double medianVoxelVolume;

    /**
     * @param dice mean Dice per structure
     * @param hd95 mean HD95 per structure
     * @param candidateDice mean Dice per structure for each candidate step
     * @param sizes the component sizes of each size target, in voxels
     * @param medianVoxelVolume the median voxel volume over the cases, in mm^3
     */
    SearchPass(double[] dice, double[] hd95, double[][] candidateDice, Map<String, List<Integer>> sizes,
            double medianVoxelVolume) {
        this.dice = dice;
        this.hd95 = hd95;
        this.candidateDice = candidateDice;
        this.sizes = Map.copyOf(sizes);
        this.medianVoxelVolume = medianVoxelVolume;
    }

    double[] dice() {
        return dice.clone();
    }

    double[] hd95() {
        return hd95.clone();
    }

    double[] candidateDice(int candidate) {
        return candidateDice[candidate].clone();
    }

    Map<String, List<Integer>> sizes() {
        return sizes;
    }

    double medianVoxelVolume() {
        return medianVoxelVolume;
    }
}
