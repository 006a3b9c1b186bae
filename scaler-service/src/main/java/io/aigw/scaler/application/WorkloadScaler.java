package io.aigw.scaler.application;

/** Reads and sets a workload's replica count. */
public interface WorkloadScaler {

    /** The workload's current count, pods and version, and whether another autoscaler owns it. */
    ScaleState read(String workload) throws ScalerException;

    /**
     * Sets the count, only if the workload is still at {@code basis.version()}.
     *
     * @throws ScalerException.Conflict when it changed since: re-read and decide again
     */
    void scale(ScaleState basis, int replicas) throws ScalerException;

    /** Whether {@link #scale} changes anything (false in dry-run). */
    boolean acts();
}
