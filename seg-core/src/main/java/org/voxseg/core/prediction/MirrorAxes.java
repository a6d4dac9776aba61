package org.voxseg.core.prediction;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spatial axes mirror test-time augmentation flips: every combination of them is predicted, so k axes cost 2^k
 * network passes (x, y, z: 8, nnU-Net's default; one axis: 2). Flipping the left-right axis alone (x in a
 * RAS-aligned BraTS case) keeps most of the gain for a quarter of the cost.
 *
 * @param axes the axes flipped, at least one
 */
public record MirrorAxes(Set<Axis> axes) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A spatial axis of a volume; x is the file's i. */
    public enum Axis {
        X(4),
        Y(3),
        Z(2);

        private final int tensorAxis;

        Axis(int tensorAxis) {
            this.tensorAxis = tensorAxis;
        }

        /** The axis in (N, C, z, y, x) tensors. */
        int tensorAxis() {
            return tensorAxis;
        }
    }

    /** All three axes: eight passes. */
    public static final MirrorAxes ALL = new MirrorAxes(EnumSet.allOf(Axis.class));

    public MirrorAxes {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("mirroring needs at least one axis (x, y or z)");
        }
        axes = Set.copyOf(EnumSet.copyOf(axes));
    }

    /**
     * The axes named in {@code text}, e.g. {@code x,y}.
     *
     * @throws IllegalArgumentException for anything but a comma-separated list of x, y and z
     */
    public static MirrorAxes parse(String text) {
        Set<Axis> axes = EnumSet.noneOf(Axis.class);
        for (String name : text.split(",", -1)) {
            try {
                axes.add(Axis.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mirror axes are x, y and z, separated by commas; not '" + text
                        + "'", e);
            }
        }
        return new MirrorAxes(axes);
    }

    /** The network passes mirroring takes: 2 to the number of axes. */
    public int passes() {
        return 1 << axes.size();
    }

    /** Every combination of the axes as tensor axes to flip together, the identity (no flip) first. */
    public List<int[]> flips() {
        List<Axis> ordered = new ArrayList<>(EnumSet.copyOf(axes));
        List<int[]> sets = new ArrayList<>();
        for (int mask = 0; mask < passes(); mask++) {
            List<Integer> flipped = new ArrayList<>();
            for (int bit = 0; bit < ordered.size(); bit++) {
                if ((mask & (1 << bit)) != 0) {
                    flipped.add(ordered.get(bit).tensorAxis());
                }
            }
            sets.add(flipped.stream().mapToInt(Integer::intValue).toArray());
        }
        return sets;
    }

    /** The option's spelling, e.g. {@code x,y,z}. */
    @Override
    public String toString() {
        return EnumSet.copyOf(axes).stream().map(axis -> axis.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }
}
