package io.aigw.scaler.application;

/** Whether this replica is the one that acts (the others compute and record, but change nothing). */
public interface Leadership {

    boolean leading();

    /** Who leads, as far as known; for the decision log. */
    String leader();
}
