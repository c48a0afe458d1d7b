package io.sandlot.internal.output;

/** A chart could not be rendered: the spec is invalid (the message is vega's or vega-lite's), or rendering timed out. */
public final class ChartException extends Exception {

    private static final long serialVersionUID = 1L;

    ChartException(String message) {
        super(message);
    }
}
