package org.voxseg.data.label;

import java.util.Arrays;

/**
 * Connected components of a binary mask on a 3-D grid (x fastest), by breadth-first flood fill with an explicit
 * queue, so large components cannot overflow the stack.
 */
public final class ConnectedComponents {

    /** Which voxels touch: sharing a face (6) or sharing a face, edge or corner (26, MONAI's default). */
    public enum Connectivity { FACES, FULL }

    private final int[] componentOf;
    private final int[] sizes;

    private ConnectedComponents(int[] componentOf, int[] sizes) {
        this.componentOf = componentOf;
        this.sizes = sizes;
    }

    /**
     * Labels the components of {@code mask} over a grid of {@code shape}.
     *
     * @throws IllegalArgumentException if the mask's length is not the grid's voxel count
     */
    public static ConnectedComponents of(boolean[] mask, int[] shape, Connectivity connectivity) {
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape[2];
        if (mask.length != nx * ny * nz) {
            throw new IllegalArgumentException("mask of " + mask.length + " voxels on a grid of "
                    + Arrays.toString(shape));
        }
        int[] offsets = neighbourOffsets(connectivity);
        int[] componentOf = new int[mask.length];
        Arrays.fill(componentOf, -1);
        int[] queue = new int[mask.length];
        int[] sizes = new int[16];
        int components = 0;
        for (int seed = 0; seed < mask.length; seed++) {
            if (!mask[seed] || componentOf[seed] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            componentOf[seed] = components;
            while (head < tail) {
                int v = queue[head++];
                int x = v % nx;
                int y = v / nx % ny;
                int z = v / (nx * ny);
                for (int n = 0; n < offsets.length; n += 3) {
                    int xx = x + offsets[n];
                    int yy = y + offsets[n + 1];
                    int zz = z + offsets[n + 2];
                    if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                        continue;
                    }
                    int w = xx + nx * (yy + ny * zz);
                    if (mask[w] && componentOf[w] < 0) {
                        componentOf[w] = components;
                        queue[tail++] = w;
                    }
                }
            }
            if (components == sizes.length) {
                sizes = Arrays.copyOf(sizes, 2 * sizes.length);
            }
            sizes[components++] = tail;
        }
        return new ConnectedComponents(componentOf, Arrays.copyOf(sizes, components));
    }

    private static int[] neighbourOffsets(Connectivity connectivity) {
        int[] offsets = new int[3 * 26];
        int n = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int hops = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (hops == 0 || connectivity == Connectivity.FACES && hops > 1) {
                        continue;
                    }
                    offsets[n++] = dx;
                    offsets[n++] = dy;
                    offsets[n++] = dz;
                }
            }
        }
        return Arrays.copyOf(offsets, n);
    }

    /** The number of components. */
    public int count() {
        return sizes.length;
    }

    /** The voxel count of component {@code c}. */
    public int size(int c) {
        return sizes[c];
    }

    /** The component of voxel {@code v}, or -1 outside the mask. */
    public int componentOf(int v) {
        return componentOf[v];
    }

    /** The largest component (the first of equal ones), or -1 if there is none. */
    public int largest() {
        int best = -1;
        for (int c = 0; c < sizes.length; c++) {
            if (best < 0 || sizes[c] > sizes[best]) {
                best = c;
            }
        }
        return best;
    }
}
