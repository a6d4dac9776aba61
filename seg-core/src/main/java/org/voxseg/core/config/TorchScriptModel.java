package org.voxseg.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;
import org.voxseg.core.prediction.TensorAxes;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Geometry;

/**
 * {@code model.json}'s {@code torchscript} section: a network imported from the Python world, stored beside it as
 * {@code model.ts}, and what voxseg must know that the TorchScript file does not say.
 *
 * @param inChannels the input channels the model reads
 * @param axes the order of the model's spatial tensor axes
 * @param outputChannels for each of voxseg's output channels ({@code output_names}), the model's output channel
 * @param strideDivisor every window side must be a multiple of this (the network's total down-sampling)
 * @param orientation the axis codes cases must have (a MONAI {@code Orientationd} voxseg does not redo, e.g.
 *        {@code RAS}), or null for any
 * @param source where the model came from, e.g. the bundle's name and version, for people reading the file
 */
public record TorchScriptModel(int inChannels, TensorAxes axes, List<Integer> outputChannels, int strideDivisor,
        @JsonInclude(JsonInclude.Include.NON_NULL) String orientation, String source) {

    /** The file name of the TorchScript model in an imported run folder. */
    public static final String FILE = "model.ts";

    /** Reads the section. */
    @JsonCreator
    public static TorchScriptModel of(@JsonProperty(value = "in_channels", required = true) int inChannels,
            @JsonProperty(value = "axes", required = true) TensorAxes axes,
            @JsonProperty(value = "output_channels", required = true)
            @JsonDeserialize(using = IntListDeserializer.class) List<Integer> outputChannels,
            @JsonProperty(value = "stride_divisor", required = true) int strideDivisor,
            @JsonProperty("orientation") String orientation,
            @JsonProperty(value = "source", required = true) String source) {
        return new TorchScriptModel(inChannels, axes, outputChannels, strideDivisor, orientation, source);
    }

    public TorchScriptModel {
        Objects.requireNonNull(axes, "axes");
        Objects.requireNonNull(source, "source");
        outputChannels = List.copyOf(outputChannels);
        if (inChannels < 1 || strideDivisor < 1) {
            throw new IllegalArgumentException("in_channels and stride_divisor must be positive: " + inChannels
                    + ", " + strideDivisor);
        }
        List<Integer> sorted = outputChannels.stream().sorted().toList();
        for (int c = 0; c < sorted.size(); c++) {
            if (sorted.get(c) != c) {
                throw new IllegalArgumentException("output_channels must name each of the model's "
                        + sorted.size() + " outputs once: " + outputChannels);
            }
        }
        if (orientation != null && !orientation.matches("[LR][PA][IS]|[LR][IS][PA]|[PA][LR][IS]|[PA][IS][LR]"
                + "|[IS][LR][PA]|[IS][PA][LR]")) {
            throw new IllegalArgumentException("orientation must be three axis codes such as RAS, not " + orientation);
        }
    }

    /**
     * Refuses a case whose axes point elsewhere than the model expects; voxseg does not reorient images.
     *
     * @throws IllegalArgumentException saying both orientations
     */
    public void requireOrientation(Geometry grid) {
        if (orientation != null && !orientation.equals(grid.axisCodes())) {
            throw new IllegalArgumentException("the imported model expects " + orientation + "-oriented images "
                    + "(the bundle's Orientationd) and this one is " + grid.axisCodes() + "; reorient it first "
                    + "(e.g. with nibabel's as_closest_canonical or fslreorient2std)");
        }
    }

    /**
     * Refuses a window the network cannot take whole.
     *
     * @throws IllegalArgumentException if a side of {@code roi} is not a multiple of the stride divisor
     */
    public void requireFits(Extent roi) {
        for (int side : roi.toArray()) {
            if (side % strideDivisor != 0) {
                throw new IllegalArgumentException("roi " + roi + " does not fit the imported model: each side must"
                        + " be a multiple of its stride divisor " + strideDivisor);
            }
        }
    }
}
