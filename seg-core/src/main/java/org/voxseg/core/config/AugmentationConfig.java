package org.voxseg.core.config;

import java.util.ArrayList;
import java.util.List;
import org.voxseg.data.geometry.Extent;
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
public record AugmentationConfig(double flip, double rotate90, double zoom, List<Double> zoomRange, double scale,
        List<Double> scaleRange, double shift, List<Double> shiftRange, double noise, List<Double> noiseStd,
        double gamma, List<Double> gammaRange) {

    /** A builder with the defaults: flips 0.5 per axis, intensity scale and shift 0.15, nothing else. */
    public static Builder builder() {
        return new Builder();
    }

    public AugmentationConfig {
        for (List<Double> range : List.of(zoomRange, scaleRange, shiftRange, noiseStd, gammaRange)) {
            if (range.size() != 2) {
                throw new IllegalArgumentException("augmentation ranges are [min, max]");
            }
        }
        zoomRange = List.copyOf(zoomRange);
        scaleRange = List.copyOf(scaleRange);
        shiftRange = List.copyOf(shiftRange);
        noiseStd = List.copyOf(noiseStd);
        gammaRange = List.copyOf(gammaRange);
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
            steps.add(new Zoom(zoom, zoomRange.get(0), zoomRange.get(1)));
        }
        addIntensity(steps, Kind.SCALE, scale, scaleRange);
        addIntensity(steps, Kind.SHIFT, shift, shiftRange);
        addIntensity(steps, Kind.NOISE, noise, noiseStd);
        addIntensity(steps, Kind.GAMMA, gamma, gammaRange);
        return new AugmentationPipeline(steps);
    }

    private static void addIntensity(List<PatchAugmentation> steps, Kind kind, double probability,
            List<Double> range) {
        if (probability > 0) {
            steps.add(new IntensityAugmentation(kind, probability, range.get(0), range.get(1)));
        }
    }

    /** Collects an augmentation section. */
    public static final class Builder {
        private double flip = 0.5;
        private double rotate90;
        private double zoom;
        private List<Double> zoomRange = List.of(0.85, 1.25);
        private double scale = 0.15;
        private List<Double> scaleRange = List.of(0.9, 1.1);
        private double shift = 0.15;
        private List<Double> shiftRange = List.of(-0.1, 0.1);
        private double noise;
        private List<Double> noiseStd = List.of(0.0, 0.1);
        private double gamma;
        private List<Double> gammaRange = List.of(0.7, 1.5);

        private Builder() {
        }

        public Builder flip(double value) {
            flip = value;
            return this;
        }

        public Builder rotate90(double value) {
            rotate90 = value;
            return this;
        }

        public Builder zoom(double value) {
            zoom = value;
            return this;
        }

        public Builder zoomRange(List<Double> value) {
            zoomRange = value;
            return this;
        }

        public Builder scale(double value) {
            scale = value;
            return this;
        }

        public Builder scaleRange(List<Double> value) {
            scaleRange = value;
            return this;
        }

        public Builder shift(double value) {
            shift = value;
            return this;
        }

        public Builder shiftRange(List<Double> value) {
            shiftRange = value;
            return this;
        }

        public Builder noise(double value) {
            noise = value;
            return this;
        }

        public Builder noiseStd(List<Double> value) {
            noiseStd = value;
            return this;
        }

        public Builder gamma(double value) {
            gamma = value;
            return this;
        }

        public Builder gammaRange(List<Double> value) {
            gammaRange = value;
            return this;
        }

        public AugmentationConfig build() {
            return new AugmentationConfig(flip, rotate90, zoom, zoomRange, scale, scaleRange, shift, shiftRange, noise,
                    noiseStd,
                    gamma, gammaRange);
        }
    }
}
