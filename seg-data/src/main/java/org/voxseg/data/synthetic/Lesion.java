package org.voxseg.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.voxseg.data.geometry.Vector3;

/**
 * An irregular brain tumour as three smooth fields over world coordinates (millimetres): a core field (a sum of
 * Gaussian blobs, with ragged edges from a few random waves), a wider oedema field over the same blobs, and an
 * enhancement field that leaves patches of the core unenhanced. Thresholds on them give BraTS 2020's labels; the
 * same fields, softened, give the partial-volume intensities at region edges.
 */
final class Lesion {

    private static final double OEDEMA_LEVEL = 0.35;
    private static final double CORE_LEVEL = 0.5;
    private static final double NECROSIS_LEVEL = 0.85;
    /** Width of the partial-volume transition at a region's edge, in units of the fields. */
    private static final double EDGE = 0.05;
    /** Intensity per modality (flair, t1, t1ce, t2) of oedema, necrotic or non-enhancing core, enhancing tumour. */
    private static final double[] OEDEMA = {720, 420, 400, 820};
    private static final double[] NECROTIC = {380, 220, 230, 980};
    private static final double[] ENHANCING = {560, 430, 940, 640};

    /** A point's label and its partial-volume memberships, which blend the tumour's intensities over tissue. */
    record Point(int label, double oedema, double core, double necrosis, double enhancement) {

        private static final Point OUTSIDE = new Point(0, 0, 0, 0, 0);

        /** The intensity in modality {@code c} of this point over normal tissue of intensity {@code normal}. */
        double intensity(int c, double normal) {
            double withOedema = blend(normal, OEDEMA[c], oedema);
            double core = blend(NECROTIC[c], ENHANCING[c], enhancement * (1 - necrosis));
            return blend(withOedema, core, this.core);
        }

        private static double blend(double under, double over, double membership) {
            return under + (over - under) * membership;
        }
    }

    /** Where a tumour may grow: white matter at least {@code depth} millimetres inside the brain. */
    @FunctionalInterface
    interface Site {
        boolean accepts(double[] world, double depth);
    }

    private record Blob(Vector3 centre, Vector3 sigma, double amplitude) {

        double at(double[] p, double widening) {
            double sum = 0;
            for (int d = 0; d < 3; d++) {
                double u = (p[d] - centre.get(d)) / (sigma.get(d) * widening);
                sum += u * u;
            }
            return amplitude * Math.exp(-sum / 2);
        }
    }

    /** A sum of plane waves of random directions and phases. A class: it keeps the arrays the voxel loop reads. */
    private static final class Waves {
        private final double[][] frequencies;
        private final double[] phases;
        private final double amplitude;

        private Waves(double[][] frequencies, double[] phases, double amplitude) {
            this.frequencies = frequencies;
            this.phases = phases;
            this.amplitude = amplitude;
        }

        static Waves random(Random random, double amplitude) {
            int count = 6;
            double[][] frequencies = new double[count][];
            double[] phases = new double[count];
            for (int w = 0; w < count; w++) {
                double[] direction = unit(random);
                double wavenumber = 2 * Math.PI / (10 + 15 * random.nextDouble());
                frequencies[w] = new double[] {direction[0] * wavenumber, direction[1] * wavenumber,
                    direction[2] * wavenumber};
                phases[w] = 2 * Math.PI * random.nextDouble();
            }
            return new Waves(frequencies, phases, amplitude);
        }

        double at(double[] p) {
            double sum = 0;
            for (int w = 0; w < phases.length; w++) {
                sum += Math.sin(frequencies[w][0] * p[0] + frequencies[w][1] * p[1] + frequencies[w][2] * p[2]
                        + phases[w]);
            }
            return amplitude * sum;
        }
    }

    private final List<Blob> blobs;
    private final double oedemaWidening;
    private final Waves coreEdge;
    private final Waves oedemaEdge;
    private final Waves enhancement;
    private final double[] low;
    private final double[] high;

    private Lesion(List<Blob> blobs, double oedemaWidening, Random random) {
        this.blobs = List.copyOf(blobs);
        this.oedemaWidening = oedemaWidening;
        this.coreEdge = Waves.random(random, 0.06);
        this.oedemaEdge = Waves.random(random, 0.05);
        this.enhancement = Waves.random(random, 0.25);
        this.low = new double[3];
        this.high = new double[3];
        for (int d = 0; d < 3; d++) {
            low[d] = Double.POSITIVE_INFINITY;
            high[d] = Double.NEGATIVE_INFINITY;
            for (Blob blob : blobs) {
                double reach = 4 * blob.sigma().get(d) * oedemaWidening;
                low[d] = Math.min(low[d], blob.centre().get(d) - reach);
                high[d] = Math.max(high[d], blob.centre().get(d) + reach);
            }
        }
    }

    /**
     * A random tumour: one to three merged blobs of 8 to 13 mm spread centred in white matter deep in the brain
     * (within the box of {@code corners}), oedema 1.35 to 1.8 times as wide, and in 4 of 10 cases a 3 to 5 mm
     * satellite focus 30 to 40 mm away.
     *
     * @throws IllegalArgumentException if no site accepts a tumour
     */
    static Lesion random(Random random, double[][] corners, Site site) {
        double[] centre = centreIn(random, corners, site);
        List<Blob> blobs = new ArrayList<>();
        int lobes = 1 + random.nextInt(3);
        for (int b = 0; b < lobes; b++) {
            double[] offset = new double[3];
            double[] sigma = new double[3];
            for (int d = 0; d < 3; d++) {
                offset[d] = centre[d] + (b == 0 ? 0 : 24 * random.nextDouble() - 12);
                sigma[d] = 8 + 5 * random.nextDouble();
            }
            blobs.add(new Blob(Vector3.of(offset), Vector3.of(sigma), 0.75 + 0.45 * random.nextDouble()));
        }
        if (random.nextDouble() < 0.4) {
            double[] direction = unit(random);
            double distance = 30 + 10 * random.nextDouble();
            double[] satellite = {centre[0] + distance * direction[0], centre[1] + distance * direction[1],
                centre[2] + distance * direction[2]};
            if (site.accepts(satellite, 8)) {
                double sigma = 3 + 2 * random.nextDouble();
                blobs.add(new Blob(Vector3.of(satellite), Vector3.uniform(sigma), 0.8 + 0.2 * random.nextDouble()));
            }
        }
        return new Lesion(blobs, 1.35 + 0.45 * random.nextDouble(), random);
    }

    /** The label and memberships at world point {@code p}. */
    Point at(double[] p) {
        for (int d = 0; d < 3; d++) {
            if (p[d] < low[d] || p[d] > high[d]) {
                return Point.OUTSIDE;
            }
        }
        double core = coreEdge.at(p);
        double oedema = oedemaEdge.at(p);
        for (Blob blob : blobs) {
            core += blob.at(p, 1);
            oedema += blob.at(p, oedemaWidening);
        }
        double enhancing = 0.35 + enhancement.at(p);
        int label;
        if (core > CORE_LEVEL) {
            label = core <= NECROSIS_LEVEL && enhancing > 0 ? SyntheticBrats.ENHANCING : SyntheticBrats.NECROTIC_CORE;
        } else {
            label = oedema > OEDEMA_LEVEL ? SyntheticBrats.OEDEMA : 0;
        }
        return new Point(label, membership(oedema, OEDEMA_LEVEL), membership(core, CORE_LEVEL),
                membership(core, NECROSIS_LEVEL), membership(enhancing, 0));
    }

    private static double membership(double value, double level) {
        return 1 / (1 + Math.exp(-(value - level) / EDGE));
    }

    private static double[] centreIn(Random random, double[][] corners, Site site) {
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] corner : corners) {
            for (int d = 0; d < 3; d++) {
                low[d] = Math.min(low[d], corner[d]);
                high[d] = Math.max(high[d], corner[d]);
            }
        }
        for (int attempt = 0; attempt < 100_000; attempt++) {
            double[] p = new double[3];
            for (int d = 0; d < 3; d++) {
                p[d] = low[d] + (high[d] - low[d]) * random.nextDouble();
            }
            if (site.accepts(p, 25)) {
                return p;
            }
        }
        throw new IllegalArgumentException("the anatomy has no white matter 25 mm inside the brain for a tumour");
    }

    private static double[] unit(Random random) {
        double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }
}
