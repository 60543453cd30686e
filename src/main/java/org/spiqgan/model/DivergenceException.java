package org.spiqgan.model;

/** A loss or parameter became NaN or infinite. */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;

    public DivergenceException(long step, String what) {
        super("training diverged at step " + step + ": " + what);
        this.step = step;
    }

    public long step() { return step; }
}
