package org.voxseg.data.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Reads a case's channel files into one multi-channel volume (streamed into a single array, no per-channel copy)
 * and its label map, refusing files that are not 3-D or not on one grid.
 */
public final class CaseLoader {

    private CaseLoader() {
    }

    /** A case in memory: its image channels and, if it has one, its label map, on one grid. */
    public record LoadedCase(String id, Volume image, Optional<Volume> labels) {
    }

    /**
     * Loads {@code entry}.
     *
     * @throws NiftiFormatException if a file is not valid NIfTI or not 3-D, or cannot hold the voxels its header
     *     declares (checked before the case's array is allocated)
     * @throws IOException if a file cannot be read, or is not on the first channel's grid (the message names both)
     */
    public static LoadedCase load(CaseFiles entry) throws IOException {
        Map<String, Geometry> grids = new LinkedHashMap<>();
        List<Path> files = entry.images();
        for (Path file : files) {
            grids.put(file.toString(), header3d(file).geometry());
        }
        Geometry grid = grids.values().iterator().next();
        Optional<Path> labelFile = entry.label();
        if (labelFile.isPresent()) {
            grids.put(labelFile.get().toString(), header3d(labelFile.get()).geometry());
        }
        try {
            GridChecks.requireSameGrid(grids, DatasetValidator.GRID_TOLERANCE);
        } catch (IllegalArgumentException e) {
            throw new IOException("case " + entry.id() + ": " + e.getMessage(), e);
        }
        int voxels = grid.voxelCount();
        float[] data = new float[files.size() * voxels];
        for (int c = 0; c < files.size(); c++) {
            NiftiReader.readInto(files.get(c), data, c * voxels);
        }
        Volume image = Volume.wrap(grid, files.size(), data);
        Optional<Volume> labels = Optional.empty();
        if (labelFile.isPresent()) {
            float[] labelData = new float[voxels];
            NiftiReader.readInto(labelFile.get(), labelData, 0);
            labels = Optional.of(Volume.wrap(grid, 1, labelData));
        }
        return new LoadedCase(entry.id(), image, labels);
    }

    private static NiftiHeader header3d(Path file) throws IOException {
        NiftiHeader header = NiftiReader.readHeader(file);
        if (header.channelCount() != 1) {
            throw new NiftiFormatException(file, "not a 3-D volume: dims " + Arrays.toString(header.dims()));
        }
        NiftiReader.checkSize(file, header);
        return header;
    }
}
