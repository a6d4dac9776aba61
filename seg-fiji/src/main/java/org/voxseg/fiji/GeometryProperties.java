package org.voxseg.fiji;

import ij.ImagePlus;
import ij.measure.Calibration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;

/**
 * Carries a volume's NIfTI geometry with an {@link ImagePlus}. ImageJ's calibration holds the voxel size and unit;
 * the orientation (qform and sform with their codes) rides along as image properties ({@code voxseg.nifti.*}, shown
 * by Image &gt; Show Info), so an image opened from NIfTI is written back overlaying the original. An image without
 * them, or whose size or voxel size was changed since, gets an axis-aligned geometry from its calibration.
 */
final class GeometryProperties {

    private static final String PREFIX = "voxseg.nifti.";
    private static final String DIM = PREFIX + "dim";
    private static final String PIXDIM = PREFIX + "pixdim";
    private static final String QFORM = PREFIX + "qform";
    private static final String QFORM_CODE = PREFIX + "qform_code";
    private static final String SFORM = PREFIX + "sform";
    private static final String SFORM_CODE = PREFIX + "sform_code";
    private static final String UNITS = PREFIX + "xyzt_units";

    /** Relative difference below which a calibrated voxel size still counts as the stored one. */
    private static final double SPACING_TOLERANCE = 1e-6;

    /** NIfTI's spatial units (xyzt_units bits 0-2) and ImageJ's names for them. */
    private static final int METER = 1;
    private static final int MM = 2;
    private static final int MICRON = 3;
    private static final int SPATIAL_MASK = 7;

    private GeometryProperties() {
    }

    /** Sets {@code image}'s calibration (voxel size, unit) and geometry properties from {@code geometry}. */
    static void store(Geometry geometry, ImagePlus image) {
        Calibration calibration = image.getCalibration().copy();
        double[] spacing = geometry.spacing().toArray();
        calibration.pixelWidth = spacing[0];
        calibration.pixelHeight = spacing[1];
        calibration.pixelDepth = spacing[2];
        calibration.setUnit(unitName(geometry.xyztUnits()));
        image.setCalibration(calibration);
        image.setProp(DIM, join(Arrays.stream(geometry.shape().toArray()).asDoubleStream().toArray()));
        image.setProp(PIXDIM, join(spacing));
        image.setProp(QFORM, join(flatten(geometry.qform())));
        image.setProp(QFORM_CODE, Integer.toString(geometry.qformCode()));
        image.setProp(SFORM, join(flatten(geometry.sform())));
        image.setProp(SFORM_CODE, Integer.toString(geometry.sformCode()));
        image.setProp(UNITS, Integer.toString(geometry.xyztUnits()));
    }

    /**
     * The geometry of {@code image}: the stored one while the image keeps its size and voxel size, otherwise a
     * diagonal affine from the calibration (code "scanner anatomical", as nnU-Net and MONAI would read it).
     */
    static Geometry of(ImagePlus image) {
        int[] shape = {image.getWidth(), image.getHeight(), image.getNSlices()};
        Calibration calibration = image.getCalibration();
        double[] spacing = {calibration.pixelWidth, calibration.pixelHeight, calibration.pixelDepth};
        return stored(image, shape, spacing).orElseGet(() -> Geometry.builder()
                .shape(Extent.of(shape))
                .spacing(Spacing.of(spacing))
                .qform(Affine.diagonal(spacing[0], spacing[1], spacing[2]), Geometry.XFORM_SCANNER_ANAT)
                .sform(Affine.diagonal(spacing[0], spacing[1], spacing[2]), Geometry.XFORM_SCANNER_ANAT)
                .xyztUnits(unitCode(calibration.getUnit()) | (Geometry.UNITS_MM_SEC & ~SPATIAL_MASK))
                .build());
    }

    private static Optional<Geometry> stored(ImagePlus image, int[] shape, double[] spacing) {
        double[] dim = parse(image.getProp(DIM), 3);
        double[] pixdim = parse(image.getProp(PIXDIM), 3);
        double[] qform = parse(image.getProp(QFORM), 12);
        double[] sform = parse(image.getProp(SFORM), 12);
        if (dim == null || pixdim == null || qform == null || sform == null
                || !Arrays.equals(dim, Arrays.stream(shape).asDoubleStream().toArray())) {
            return Optional.empty();
        }
        for (int axis = 0; axis < 3; axis++) {
            if (Math.abs(spacing[axis] - pixdim[axis]) > SPACING_TOLERANCE * pixdim[axis]) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Geometry.builder()
                    .shape(Extent.of(shape))
                    .spacing(Spacing.of(pixdim))
                    .qform(unflatten(qform), Integer.parseInt(image.getProp(QFORM_CODE)))
                    .sform(unflatten(sform), Integer.parseInt(image.getProp(SFORM_CODE)))
                    .xyztUnits(Integer.parseInt(image.getProp(UNITS)))
                    .build());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String unitName(int xyztUnits) {
        return switch (xyztUnits & SPATIAL_MASK) {
            case METER -> "m";
            case MICRON -> "micron";
            default -> "mm";
        };
    }

    private static int unitCode(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "m", "meter", "metre" -> METER;
            case "micron", "microns", "um", "\u00b5m" -> MICRON;
            default -> MM;
        };
    }

    private static double[] flatten(Affine affine) {
        double[][] rows = affine.toRows();
        double[] values = new double[12];
        for (int row = 0; row < 3; row++) {
            System.arraycopy(rows[row], 0, values, 4 * row, 4);
        }
        return values;
    }

    private static Affine unflatten(double[] values) {
        return Affine.fromRows(Arrays.copyOfRange(values, 0, 4), Arrays.copyOfRange(values, 4, 8),
                Arrays.copyOfRange(values, 8, 12));
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    /** The numbers of a property, or null if it is missing or malformed. */
    private static double[] parse(String text, int count) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length != count) {
            return null;
        }
        try {
            return Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
