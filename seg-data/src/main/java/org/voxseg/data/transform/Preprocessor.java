package org.voxseg.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.volume.Volume;

/**
 * Applies {@link PreprocessingSettings} to a case: reorientation to axis codes (imported MONAI bundles), foreground
 * crop (box found on the image), resampling (linear for
 * the image, nearest for the label map), intensity scaling and normalisation, then padding. The label map follows
 * every grid change, and the record of the changes travels with the result.
 */
public final class Preprocessor {

    private final PreprocessingSettings settings;

    public Preprocessor(PreprocessingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A preprocessed case: image and optional label map on one grid, and how that grid was reached. */
    public record Result(Volume image, Optional<Volume> labels, PreprocessingRecord record) {
    }

    /**
     * Preprocesses an image and, for training, its label map.
     *
     * @throws IllegalArgumentException if the label map is not on the image's grid
     */
    public Result apply(Volume image, Optional<Volume> labels) {
        labels.ifPresent(l -> {
            if (!l.geometry().shape().equals(image.geometry().shape())) {
                throw new IllegalArgumentException("label map " + l.geometry().shapeText()
                        + " is not on the image grid " + image.geometry().shapeText());
            }
        });
        List<GridStep> steps = new ArrayList<>();
        Volume current = image;
        Optional<Volume> currentLabels = labels;

        Optional<Reorient> reorient = settings.orientation().map(codes -> Reorient.to(image.geometry(), codes))
                .filter(r -> !r.isIdentity());
        if (reorient.isPresent()) {
            steps.add(reorient.get());
            current = reorient.get().apply(current, Interpolation.NEAREST);
            currentLabels = currentLabels.map(l -> reorient.get().apply(l, Interpolation.NEAREST));
        }
        int applied = steps.size();
        if (settings.crop().isPresent()) {
            Crop crop = settings.crop().get().boxOf(current);
            if (!crop.size().equals(current.geometry().shape())) {
                steps.add(crop);
            }
        }
        Optional<GridStep> resample = resampling(steps, image);
        resample.ifPresent(steps::add);
        for (GridStep step : steps.subList(applied, steps.size())) {
            current = step.apply(current, Interpolation.LINEAR);
            currentLabels = currentLabels.map(l -> step.apply(l, Interpolation.NEAREST));
        }
        if (settings.intensityScaling().isPresent()) {
            current = settings.intensityScaling().get().apply(current);
        }
        if (settings.intensityNormalization().isPresent()) {
            current = settings.intensityNormalization().get().apply(current);
        }
        Pad pad = Pad.toFit(current.geometry().shape().toArray(), settings.minShape().toArray(), settings.divisor());
        if (!pad.isEmpty()) {
            steps.add(pad);
            current = pad.apply(current, Interpolation.LINEAR);
            currentLabels = currentLabels.map(l -> pad.apply(l, Interpolation.NEAREST));
        }
        return new Result(current, currentLabels, new PreprocessingRecord(image.geometry(), steps));
    }

    /** The resampling the settings ask for, on the grid left by the steps so far; none if it changes nothing. */
    private Optional<GridStep> resampling(List<GridStep> steps, Volume image) {
        Geometry geometry = new PreprocessingRecord(image.geometry(), steps).result();
        if (settings.grid().isPresent() && settings.spacing().isPresent()) {
            SpacingResample monai = SpacingResample.of(geometry, settings.spacing().get(), settings.grid().get());
            return monai.isIdentity(geometry) ? Optional.empty() : Optional.of(monai);
        }
        Optional<Resample> resample = settings.shape().map(Resample::new)
                .or(() -> settings.spacing().map(spacing -> Resample.toSpacing(geometry, spacing)));
        return resample.filter(r -> !r.shape().equals(geometry.shape())).map(GridStep.class::cast);
    }
}
