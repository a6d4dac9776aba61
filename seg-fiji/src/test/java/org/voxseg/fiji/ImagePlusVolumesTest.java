package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.data.geometry.Affine;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

class ImagePlusVolumesTest {

    @TempDir
    Path dir;

    /** Oblique sform (scanner) and a different qform (aligned), anisotropic voxels in mm. */
    private static final Geometry OBLIQUE = Geometry.builder()
            .shape(new Extent(6, 5, 4))
            .spacing(new Spacing(0.9, 1.1, 2.5))
            .sform(Affine.fromRows(new double[] {-0.88, 0.2, 0.0, 90.5}, new double[] {-0.19, -1.08, 0.1, 120.25},
                    new double[] {0.0, 0.05, 2.5, -60.0}), 1)
            .qform(Affine.fromRows(new double[] {-0.9, 0, 0, 91}, new double[] {0, -1.1, 0, 121},
                    new double[] {0, 0, 2.5, -61}), 2)
            .build();

    @Test
    void calibrationAndOrientationSurviveNiftiToImagePlusToNifti() throws IOException {
        Path original = dir.resolve("scan.nii.gz");
        NiftiWriter.of(NiftiDataType.INT16).write(ramp(OBLIQUE, 1, 0), original);

        ImagePlus image = ImagePlusVolumes.toImagePlus(NiftiReader.read(original).volume(), "scan");
        // NIfTI-1 stores pixdim as float32.
        assertEquals(0.9, image.getCalibration().pixelWidth, 1e-6);
        assertEquals(1.1, image.getCalibration().pixelHeight, 1e-6);
        assertEquals(2.5, image.getCalibration().pixelDepth, 1e-6);
        assertEquals("mm", image.getCalibration().getUnit());
        assertEquals(16, image.getBitDepth(), "non-negative integers above 255 fit 16-bit exactly");

        Path copy = dir.resolve("copy.nii.gz");
        NiftiWriter.of(NiftiDataType.INT16).write(ImagePlusVolumes.toVolume(image), copy);
        NiftiHeader before = NiftiReader.readHeader(original);
        NiftiHeader after = NiftiReader.readHeader(copy);
        assertEquals(before.geometry(), after.geometry());
        assertTrue(OBLIQUE.sform().maxAbsDifference(after.sform()) < 1e-6, "sform " + after.sform());
        assertEquals(1, after.sformCode());
        assertEquals(2, after.qformCode());
        assertArrayEquals(before.pixdim(), after.pixdim());
        assertArrayEquals(NiftiReader.read(original).volume().toArray(), NiftiReader.read(copy).volume().toArray());
    }

    @Test
    void voxelsKeepFileOrderAndChannelsBecomeHyperstackChannels() {
        Volume volume = ramp(OBLIQUE, 3, -5.5f);

        ImagePlus image = ImagePlusVolumes.toImagePlus(volume, "three channels");

        assertEquals(3, image.getNChannels());
        assertEquals(4, image.getNSlices());
        assertEquals(32, image.getBitDepth(), "fractions need 32-bit");
        // Channel 2, voxel (i, j, k) = (5, 1, 3) is pixel (x, y) = (5, 1) of slice 3.
        float expected = volume.get(2, 5, 1, 3);
        assertEquals(expected, image.getStack().getProcessor(image.getStackIndex(3, 4, 1)).getf(5, 1));
        Volume back = ImagePlusVolumes.toVolume(image);
        assertEquals(3, back.channels());
        assertArrayEquals(volume.toArray(), back.toArray());
        assertEquals(volume.geometry(), back.geometry());
    }

    @Test
    void labelMapsBecomeEightBit() {
        float[] labels = new float[OBLIQUE.voxelCount()];
        labels[7] = 4;
        labels[8] = 2;
        ImagePlus image = ImagePlusVolumes.toImagePlus(Volume.wrap(OBLIQUE, 1, labels), "labels");

        assertEquals(8, image.getBitDepth());
        assertArrayEquals(labels, ImagePlusVolumes.toVolume(image).toArray());
    }

    @Test
    void signedSixteenBitImagesAreReadThroughTheirCalibration() {
        ImagePlus image = new ImagePlus("signed", new ShortProcessor(2, 1));
        image.getCalibration().setSigned16BitCalibration();
        image.getProcessor().set(0, 0, 32768 - 100);
        image.getProcessor().set(1, 0, 32768 + 7);

        assertArrayEquals(new float[] {-100, 7}, ImagePlusVolumes.toVolume(image).toArray());
    }

    @Test
    void anImageWithoutNiftiGeometryGetsItsCalibrationAsDiagonalAffine() {
        ImagePlus image = ImagePlusVolumes.toImagePlus(ramp(OBLIQUE, 1, 0), "scan");
        image.getCalibration().pixelWidth = 0.5;

        Geometry geometry = ImagePlusVolumes.toVolume(image).geometry();

        assertArrayEquals(new double[] {0.5, 1.1, 2.5}, geometry.spacing().toArray());
        assertEquals(Affine.diagonal(0.5, 1.1, 2.5), geometry.affine(), "stale orientation is not reused");
        assertEquals(Geometry.XFORM_SCANNER_ANAT, geometry.sformCode());
    }

    @Test
    void channelImagesMustShareOneGrid() {
        ImagePlus first = ImagePlusVolumes.toImagePlus(ramp(OBLIQUE, 1, 0), "flair");
        Geometry other = Geometry.of(new Extent(6, 5, 3), Affine.identity());
        ImagePlus second = ImagePlusVolumes.toImagePlus(ramp(other, 1, 0), "t1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePlusVolumes.toVolume(List.of(first, second)));
        assertTrue(e.getMessage().startsWith("t1 does not lie on the grid of flair"), e.getMessage());
    }

    @Test
    void separateChannelImagesStackInTheOrderGiven() {
        Volume a = ramp(OBLIQUE, 1, 0);
        Volume b = ramp(OBLIQUE, 1, 1000);
        Volume both = ImagePlusVolumes.toVolume(List.of(ImagePlusVolumes.toImagePlus(b, "b"),
                ImagePlusVolumes.toImagePlus(a, "a")));

        assertEquals(2, both.channels());
        assertEquals(b.get(0, 1, 2, 3), both.get(0, 1, 2, 3));
        assertEquals(a.get(0, 1, 2, 3), both.get(1, 1, 2, 3));
    }

    @Test
    void rgbAndTimeSeriesAreRefusedByName() {
        ImagePlus rgb = new ImagePlus("photo", new ColorProcessor(4, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.toVolume(rgb)).getMessage()
                .startsWith("photo: RGB images cannot be segmented"));

        ImagePlus movie = ImagePlusVolumes.toImagePlus(ramp(OBLIQUE, 1, 0), "movie");
        movie.setDimensions(1, 2, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusVolumes.toVolume(movie))
                .getMessage().startsWith("movie has 2 time points"));
    }

    /** Distinct values above 255 everywhere: offset + 300 + 3n for the n-th value in file order. */
    private static Volume ramp(Geometry geometry, int channels, float offset) {
        float[] values = new float[channels * geometry.voxelCount()];
        for (int n = 0; n < values.length; n++) {
            values[n] = offset + 300 + n * 3;
        }
        return Volume.wrap(geometry, channels, values);
    }
}
