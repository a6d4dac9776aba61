package org.voxseg.core.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.voxseg.core.network.NetworkConfig.Norm;
import org.voxseg.core.network.NetworkConfig.Upsampling;
import org.voxseg.data.geometry.Extent;

/** The checks and conversions behind {@link NetworkConfig}: its invariants, its enums' config names, its arrays. */
final class NetworkConfigChecks {

    private NetworkConfigChecks() {
    }

    /** Refuses a network that cannot be built, naming the config key at fault. */
    static void validate(int in, int out, int[] filters, int[][] strides, int[][] kernels, Norm norm,
            int groups, Upsampling upsampling, double dropout, int convs) {
        if (in < 1 || out < 1 || filters.length < 2) {
            throw new IllegalArgumentException("a U-Net needs channels in and out and at least 2 levels of filters");
        }
        if (Arrays.stream(filters).anyMatch(n -> n < 1) || groups < 1) {
            throw new IllegalArgumentException("filters must be positive: " + Arrays.toString(filters)
                    + (groups < 1 ? "; groups must be positive: " + groups : ""));
        }
        if (strides.length != filters.length || kernels.length != filters.length) {
            throw new IllegalArgumentException("filters, strides and kernel_sizes need one entry per level ("
                    + filters.length + "), not " + strides.length + " strides and " + kernels.length + " kernels");
        }
        for (int level = 0; level < filters.length; level++) {
            for (int d = 0; d < 3; d++) {
                if (strides[level][d] < 1 || kernels[level][d] < 1 || kernels[level][d] % 2 == 0) {
                    throw new IllegalArgumentException("level " + level + ": strides must be positive and kernel"
                            + " sizes odd: " + Arrays.toString(strides[level]) + " " + Arrays.toString(kernels[level]));
                }
                if (upsampling == Upsampling.TRILINEAR && level > 0 && strides[level][d] > 2) {
                    throw new IllegalArgumentException("trilinear upsampling supports strides of 1 or 2, not "
                            + Arrays.toString(strides[level]));
                }
            }
            if (norm == Norm.GROUP && filters[level] % groups != 0) {
                throw new IllegalArgumentException("group norm: " + filters[level] + " filters are not divisible by "
                        + groups + " groups");
            }
        }
        if (!(dropout >= 0 && dropout < 1) || convs < 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1) and convs_per_level positive");
        }
    }

    /** The constant of {@code values} whose lower-case name is {@code name}. */
    static <E extends Enum<E>> E choice(String key, String name, E[] values) {
        List<String> names = new ArrayList<>();
        for (E value : values) {
            String lower = value.name().toLowerCase(Locale.ROOT);
            if (lower.equals(name)) {
                return value;
            }
            names.add(lower);
        }
        throw new IllegalArgumentException("unknown " + key + " '" + name + "'; known: " + names);
    }

    /** The filters per level as an array. */
    static int[] filtersArray(List<Integer> filters) {
        return filters.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The (x, y, z) sizes per level as {@code [level][axis]}. */
    static int[][] triples(List<Extent> values) {
        int[][] out = new int[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).toArray();
        }
        return out;
    }
}
