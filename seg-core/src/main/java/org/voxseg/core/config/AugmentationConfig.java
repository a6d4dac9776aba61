package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.voxseg.data.grid.Extent;
import org.voxseg.data.sampling.AugmentationPipeline;
import org.voxseg.data.sampling.Flip;
import org.voxseg.data.sampling.IntensityAugmentation;
import org.voxseg.data.sampling.IntensityAugmentation.Kind;
import org.voxseg.data.sampling.PatchAugmentation;
import org.voxseg.data.sampling.Rotate90;
import org.voxseg.data.sampling.Zoom;

/**
 * The config's {@code training.augmentation} section: a probability per augmentation and its range, e.g.
 * {@code {"flip": 0.5, "zoom": 0.2, "zoom_range": [0.85, 1.25], "gamma": 0.3}}. A probability of 0 leaves a step
 * out.
 *
 * @param flip probability of mirroring, per axis
 * @param rotate90 probability of a quarter turn, per plane with equal patch sides
 * @param zoom probability of scaling the patch
 * @param zoomRange zoom factors drawn from [min, max]
 * @param scale probability of multiplying a channel's intensities
 * @param scaleRange intensity factors
 * @param shift probability of adding to a channel's intensities
 * @param shiftRange added offsets
 * @param noise probability of Gaussian noise
 * @param noiseStd the noise's standard deviation range
 * @param gamma probability of a gamma curve
 * @param gammaRange gamma exponents
 */
public record AugmentationConfig(double flip, double rotate90, double zoom, double[] zoomRange, double scale,
        double[] scaleRange, double shift, double[] shiftRange, double noise, double[] noiseStd, double gamma,
        double[] gammaRange) {

    /** Reads the section; absent fields: flips 0.5 per axis, intensity scale and shift 0.15, nothing else. */
    @JsonCreator
    public static AugmentationConfig of(@JsonProperty("flip") Double flip, @JsonProperty("rotate90") Double rotate90,
            @JsonProperty("zoom") Double zoom, @JsonProperty("zoom_range") double[] zoomRange,
            @JsonProperty("scale") Double scale, @JsonProperty("scale_range") double[] scaleRange,
            @JsonProperty("shift") Double shift, @JsonProperty("shift_range") double[] shiftRange,
            @JsonProperty("noise") Double noise, @JsonProperty("noise_std") double[] noiseStd,
            @JsonProperty("gamma") Double gamma, @JsonProperty("gamma_range") double[] gammaRange) {
        return new AugmentationConfig(flip == null ? 0.5 : flip, rotate90 == null ? 0 : rotate90,
                zoom == null ? 0 : zoom, orDefault(zoomRange, 0.85, 1.25), scale == null ? 0.15 : scale,
                orDefault(scaleRange, 0.9, 1.1), shift == null ? 0.15 : shift, orDefault(shiftRange, -0.1, 0.1),
                noise == null ? 0 : noise, orDefault(noiseStd, 0, 0.1), gamma == null ? 0 : gamma,
                orDefault(gammaRange, 0.7, 1.5));
    }

    public AugmentationConfig {
        for (double[] range : List.of(zoomRange, scaleRange, shiftRange, noiseStd, gammaRange)) {
            if (range.length != 2) {
                throw new IllegalArgumentException("augmentation ranges are [min, max]");
            }
        }
        zoomRange = zoomRange.clone();
        scaleRange = scaleRange.clone();
        shiftRange = shiftRange.clone();
        noiseStd = noiseStd.clone();
        gammaRange = gammaRange.clone();
    }

    /**
     * The augmentation steps this section describes for patches of {@code patch} voxels, in a fixed order: spatial
     * first, then intensity. Quarter turns only rotate planes whose two sides are equal, so patches keep their shape.
     */
    public AugmentationPipeline pipeline(Extent patch) {
        List<PatchAugmentation> steps = new ArrayList<>();
        if (flip > 0) {
            for (int axis = 0; axis < 3; axis++) {
                steps.add(new Flip(axis, flip));
            }
        }
        if (rotate90 > 0) {
            for (int[] plane : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
                if (patch.get(plane[0]) == patch.get(plane[1])) {
                    steps.add(new Rotate90(plane[0], plane[1], rotate90));
                }
            }
        }
        if (zoom > 0) {
            steps.add(new Zoom(zoom, zoomRange[0], zoomRange[1]));
        }
        addIntensity(steps, Kind.SCALE, scale, scaleRange);
        addIntensity(steps, Kind.SHIFT, shift, shiftRange);
        addIntensity(steps, Kind.NOISE, noise, noiseStd);
        addIntensity(steps, Kind.GAMMA, gamma, gammaRange);
        return new AugmentationPipeline(steps);
    }

    private static void addIntensity(List<PatchAugmentation> steps, Kind kind, double probability, double[] range) {
        if (probability > 0) {
            steps.add(new IntensityAugmentation(kind, probability, range[0], range[1]));
        }
    }

    @Override
    public double[] zoomRange() {
        return zoomRange.clone();
    }

    @Override
    public double[] scaleRange() {
        return scaleRange.clone();
    }

    @Override
    public double[] shiftRange() {
        return shiftRange.clone();
    }

    @Override
    public double[] noiseStd() {
        return noiseStd.clone();
    }

    @Override
    public double[] gammaRange() {
        return gammaRange.clone();
    }

    private static double[] orDefault(double[] range, double min, double max) {
        return range == null ? new double[] {min, max} : range;
    }
}
