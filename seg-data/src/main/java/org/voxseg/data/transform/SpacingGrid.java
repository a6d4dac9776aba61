package org.voxseg.data.transform;

import java.util.Objects;

/**
 * MONAI's {@code Spacing} grid instead of voxseg's own, for imported MONAI bundles: the first voxel centre is kept
 * and the new grid steps at exactly the target spacing ({@link SpacingResample}). Voxseg's own networks keep
 * {@link Resample#toSpacing}.
 *
 * @param scaleExtent MONAI's {@code scale_extent}: count voxels over the full extent ({@code round(n s / s')})
 *        rather than between the first and last centres ({@code round((n - 1) s / s' + 1)})
 * @param mode how images are sampled (MONAI's {@code mode}: bilinear is {@link Interpolation#LINEAR})
 * @param alignCorners MONAI's {@code align_corners}: its sampling grid is then stretched by {@code m / (m - 1)} and
 *        the source squeezed by {@code (n - 1) / n}, as MONAI's {@code AffineTransform} does
 * @param nearestInverse {@code Invertd}'s {@code nearest_interp} (MONAI's default true): predictions are brought back
 *        with nearest sampling and no corner alignment, else with {@code mode} and {@code alignCorners}
 */
public record SpacingGrid(boolean scaleExtent, Interpolation mode, boolean alignCorners, boolean nearestInverse) {

    public SpacingGrid {
        Objects.requireNonNull(mode, "mode");
    }

    /** How the inverse samples. */
    Interpolation inverseMode() {
        return nearestInverse ? Interpolation.NEAREST : mode;
    }

    /** Whether the inverse aligns corners. */
    boolean inverseAlignCorners() {
        return !nearestInverse && alignCorners;
    }
}
