package org.voxseg.fiji;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import java.nio.FloatBuffer;
import java.util.List;
import org.voxseg.data.dataset.DatasetValidator;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.GridChecks;
import org.voxseg.data.volume.Volume;

/**
 * Converts between voxseg volumes and ImageJ images. Voxels keep file order: image x is NIfTI i, y is j (row j = 0
 * at the top), slice is k, and channels are hyperstack channels. Each image gets the smallest ImageJ type that
 * holds its values exactly (8-bit for label maps, 16-bit for non-negative integer scans, else 32-bit), its voxel
 * size as calibration and its orientation as properties (see {@link GeometryProperties}), so a volume survives the
 * trip to ImageJ and back unchanged.
 */
public final class ImagePlusVolumes {

    private ImagePlusVolumes() {
    }

    /** The volume as an ImageJ image (a composite hyperstack when it has several channels). */
    public static ImagePlus toImagePlus(Volume volume, String title) {
        int width = volume.geometry().size(0);
        int height = volume.geometry().size(1);
        int depth = volume.geometry().size(2);
        FloatBuffer values = volume.data();
        ValueRange range = ValueRange.of(values);
        ImageStack stack = new ImageStack(width, height);
        int sliceSize = width * height;
        float[] slice = new float[sliceSize];
        for (int k = 0; k < depth; k++) {
            for (int c = 0; c < volume.channels(); c++) {
                values.get(c * volume.voxelsPerChannel() + k * sliceSize, slice);
                stack.addSlice(null, slicePixels(slice, range.bitDepth()));
            }
        }
        ImagePlus image = new ImagePlus(title, stack);
        image.setDimensions(volume.channels(), depth, 1);
        GeometryProperties.store(volume.geometry(), image);
        if (volume.channels() > 1) {
            image.setOpenAsHyperStack(true);
            return new CompositeImage(image, IJ.GRAYSCALE);
        }
        image.setDisplayRange(range.min(), Math.max(range.max(), range.min() + 1));
        return image;
    }

    /**
     * The image as a volume: its channels, slices and geometry; 8- and 16-bit values pass through the image's
     * calibration function (e.g. signed 16-bit).
     *
     * @throws IllegalArgumentException if the image is RGB or has several time points
     */
    public static Volume toVolume(ImagePlus image) {
        if (image.getBitDepth() == 24) {
            throw new IllegalArgumentException(image.getTitle() + ": RGB images cannot be segmented; convert to "
                    + "8-, 16- or 32-bit grey values");
        }
        if (image.getNFrames() > 1) {
            throw new IllegalArgumentException(image.getTitle() + " has " + image.getNFrames() + " time points; "
                    + "give one 3-D volume (channels as hyperstack channels)");
        }
        Geometry geometry = GeometryProperties.of(image);
        int channels = image.getNChannels();
        int depth = image.getNSlices();
        int sliceSize = image.getWidth() * image.getHeight();
        float[] values = new float[channels * depth * sliceSize];
        float[] table = image.getCalibration().calibrated() ? image.getCalibration().getCTable() : null;
        ImageStack stack = image.getStack();
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < depth; k++) {
                Object pixels = stack.getPixels(image.getStackIndex(c + 1, k + 1, 1));
                copySlice(pixels, table, values, c * geometry.voxelCount() + k * sliceSize);
            }
        }
        return Volume.wrap(geometry, channels, values);
    }

    /**
     * One volume from several single-channel images, in the order given (the model's channel order).
     *
     * @throws IllegalArgumentException if an image has several channels or another grid than the first
     */
    public static Volume toVolume(List<ImagePlus> channelImages) {
        if (channelImages.size() == 1) {
            return toVolume(channelImages.get(0));
        }
        Volume first = null;
        float[] values = null;
        for (int c = 0; c < channelImages.size(); c++) {
            ImagePlus image = channelImages.get(c);
            if (image.getNChannels() != 1) {
                throw new IllegalArgumentException(image.getTitle() + " has " + image.getNChannels()
                        + " channels; give one image per channel, or one image with all channels");
            }
            Volume channel = toVolume(image);
            if (first == null) {
                first = channel;
                values = new float[channelImages.size() * channel.voxelsPerChannel()];
            } else {
                requireSameGrid(channelImages.get(0), first.geometry(), image, channel.geometry());
            }
            channel.data().get(values, c * channel.voxelsPerChannel(), channel.voxelsPerChannel());
        }
        return Volume.wrap(first.geometry(), channelImages.size(), values);
    }

    private static void requireSameGrid(ImagePlus reference, Geometry expected, ImagePlus image, Geometry actual) {
        GridChecks.describeDifference(actual, expected, DatasetValidator.GRID_TOLERANCE).ifPresent(difference -> {
            throw new IllegalArgumentException(image.getTitle() + " does not lie on the grid of "
                    + reference.getTitle() + ": " + difference);
        });
    }

    /** The extremes of a volume's values and whether all are integers, from one pass. */
    private record ValueRange(float min, float max, boolean integral) {

        static ValueRange of(FloatBuffer values) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            boolean integral = true;
            for (int n = 0; n < values.limit(); n++) {
                float value = values.get(n);
                min = Math.min(min, value);
                max = Math.max(max, value);
                integral &= value == Math.rint(value);
            }
            return values.limit() == 0 ? new ValueRange(0, 0, true) : new ValueRange(min, max, integral);
        }

        /** 8 if every value is an integer in [0, 255], 16 if in [0, 65535], otherwise 32. */
        int bitDepth() {
            if (!integral || min < 0) {
                return 32;
            }
            return max <= 255 ? 8 : max <= 65535 ? 16 : 32;
        }
    }

    /** The slice as ImageJ pixels of {@code bitDepth} (a fresh array: ImageJ keeps it). */
    private static Object slicePixels(float[] slice, int bitDepth) {
        switch (bitDepth) {
            case 8 -> {
                byte[] pixels = new byte[slice.length];
                for (int n = 0; n < slice.length; n++) {
                    pixels[n] = (byte) slice[n];
                }
                return pixels;
            }
            case 16 -> {
                short[] pixels = new short[slice.length];
                for (int n = 0; n < slice.length; n++) {
                    pixels[n] = (short) slice[n];
                }
                return pixels;
            }
            default -> {
                return slice.clone();
            }
        }
    }

    private static void copySlice(Object pixels, float[] table, float[] values, int offset) {
        if (pixels instanceof byte[] bytes) {
            for (int n = 0; n < bytes.length; n++) {
                int raw = bytes[n] & 0xff;
                values[offset + n] = table == null ? raw : table[raw];
            }
        } else if (pixels instanceof short[] shorts) {
            for (int n = 0; n < shorts.length; n++) {
                int raw = shorts[n] & 0xffff;
                values[offset + n] = table == null ? raw : table[raw];
            }
        } else {
            float[] floats = (float[]) pixels;
            System.arraycopy(floats, 0, values, offset, floats.length);
        }
    }
}
