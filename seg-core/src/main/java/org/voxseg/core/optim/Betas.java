package org.voxseg.core.optim;

/**
 * The decay rates of an optimiser's first and second moment estimates (PyTorch's {@code betas}), a value so that
 * optimizer configs compare by value.
 */
public record Betas(double beta1, double beta2) {

    /** Adam's defaults. */
    public static final Betas ADAM = new Betas(0.9, 0.999);
    /** Novograd's defaults (MONAI). */
    public static final Betas NOVOGRAD = new Betas(0.9, 0.98);

    public Betas {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1): " + beta1 + ", " + beta2);
        }
    }

    /** The pair as {@code [beta1, beta2]}, as the config writes it. */
    public double[] toArray() {
        return new double[] {beta1, beta2};
    }

    /** The pair {@code [beta1, beta2]}. */
    public static Betas of(double[] values) {
        if (values.length != 2) {
            throw new IllegalArgumentException("betas needs two values, not " + values.length);
        }
        return new Betas(values[0], values[1]);
    }
}
