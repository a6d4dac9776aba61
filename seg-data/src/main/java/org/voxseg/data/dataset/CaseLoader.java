package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxseg.data.geometry.Geometry;
import org.voxseg.data.geometry.GridChecks;
import org.voxseg.data.nifti.NiftiFormatException;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * Reads a case's image files into one multi-channel volume (streamed into a single array, no per-channel copy)
 * and its label map, refusing files that are not on one grid. An image file is one channel (3-D) or several
 * (4-D, as the Medical Segmentation Decathlon ships them); a label map is 3-D.
 */
public final class CaseLoader {

    private CaseLoader() {
    }

    /**
     * A case in memory: its image channels and, if it has one, its label map, on one grid.
     *
     * @param channelFiles the file each image channel came from, one entry per channel
     */
    public record LoadedCase(String id, Volume image, Optional<Volume> labels, List<Path> channelFiles) {

        public LoadedCase {
            channelFiles = List.copyOf(channelFiles);
        }
    }

    /**
     * Loads {@code entry}.
     *
     * @throws NiftiFormatException if a file is not valid NIfTI, a label map not 3-D, or a file cannot hold the
     *     voxels its header declares (checked before the case's array is allocated)
     * @throws IOException if a file cannot be read, or is not on the first channel's grid (the message names both)
     */
    public static LoadedCase load(CaseFiles entry) throws IOException {
        Map<String, Geometry> grids = new LinkedHashMap<>();
        List<Path> channelFiles = new ArrayList<>();
        for (Path file : entry.images()) {
            NiftiHeader header = checkedHeader(file);
            grids.put(file.toString(), header.geometry());
            channelFiles.addAll(Collections.nCopies(header.channelCount(), file));
        }
        Geometry grid = grids.values().iterator().next();
        Optional<Path> labelFile = entry.label();
        if (labelFile.isPresent()) {
            NiftiHeader header = checkedHeader(labelFile.get());
            if (header.channelCount() != 1) {
                throw new NiftiFormatException(labelFile.get(), "a label map is 3-D, not dims "
                        + Arrays.toString(header.dims()));
            }
            grids.put(labelFile.get().toString(), header.geometry());
        }
        try {
            GridChecks.requireSameGrid(grids, DatasetValidator.GRID_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new IOException("case " + entry.id() + ": " + e.getMessage(), e);
        }
        int voxels = grid.voxelCount();
        float[] data = new float[Math.multiplyExact(channelFiles.size(), voxels)];
        int offset = 0;
        for (Path file : entry.images()) {
            offset += (int) NiftiReader.readInto(file, data, offset).voxelCount();
        }
        Volume image = Volume.wrap(grid, channelFiles.size(), data);
        Optional<Volume> labels = Optional.empty();
        if (labelFile.isPresent()) {
            float[] labelData = new float[voxels];
            NiftiReader.readInto(labelFile.get(), labelData, 0);
            labels = Optional.of(Volume.wrap(grid, 1, labelData));
        }
        return new LoadedCase(entry.id(), image, labels, channelFiles);
    }

    private static NiftiHeader checkedHeader(Path file) throws IOException {
        NiftiHeader header = NiftiReader.readHeader(file);
        NiftiReader.checkSize(file, header);
        return header;
    }
}
