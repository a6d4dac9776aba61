package org.voxseg.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voxseg.data.transform.DatasetNormalization;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.IntensityScaling;
import org.voxseg.data.transform.ChannelIntensities;
import org.voxseg.data.transform.Normalization;

/**
 * The intensity normalisation a preprocessing section's keys choose ({@code normalization}, {@code channel_wise},
 * {@code clip_percentiles}, {@code intensity_statistics}): which combinations make sense, and the transform they give.
 */
final class NormalizationChoice {

    private NormalizationChoice() {
    }

    /**
     * Refuses what CT normalisation replaces (per-case clipping, whole-image statistics, a scaling before it) and
     * statistics without it.
     *
     * @throws IllegalArgumentException naming the keys
     */
    static void requireConsistent(Normalization.Kind normalization, boolean channelWise, List<Double> clipPercentiles,
            IntensityScaling scaleIntensityRange, List<ChannelIntensities> intensityStatistics) {
        if (normalization != Normalization.Kind.CT) {
            if (intensityStatistics != null) {
                throw new IllegalArgumentException("intensity_statistics belong to normalization 'ct', not '"
                        + normalization.name().toLowerCase(Locale.ROOT) + "'");
            }
            return;
        }
        if (!channelWise || clipPercentiles != null || scaleIntensityRange != null) {
            throw new IllegalArgumentException("normalization 'ct' clips and scales each channel with the training "
                    + "foreground's statistics; leave out channel_wise, clip_percentiles and scale_intensity_range");
        }
    }

    /**
     * The normalisation the keys choose, or none.
     *
     * @throws IllegalStateException for CT normalisation whose statistics were not computed yet
     */
    static Optional<Normalization> of(Normalization.Kind normalization, boolean channelWise,
            List<Double> clipPercentiles, List<ChannelIntensities> intensityStatistics) {
        return switch (normalization) {
            case NONE -> Optional.empty();
            case CT -> {
                if (intensityStatistics == null) {
                    throw new IllegalStateException("normalization 'ct' before the training foreground's statistics "
                            + "were computed");
                }
                yield Optional.of(new DatasetNormalization(intensityStatistics));
            }
            case ZSCORE, ZSCORE_NONZERO -> {
                IntensityNormalization zScore = IntensityNormalization.zScore(
                        normalization == Normalization.Kind.ZSCORE_NONZERO, channelWise);
                yield Optional.of(clipPercentiles == null ? zScore
                        : zScore.withClipping(clipPercentiles.get(0), clipPercentiles.get(1)));
            }
        };
    }
}
