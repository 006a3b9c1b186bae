package io.aigw.scaler.application;

import java.util.List;
import java.util.Optional;

/** Where decisions are kept, newest first when read. */
public interface DecisionLog {

    void record(DecisionRecord record);

    List<DecisionRecord> recent(int limit, Optional<String> workload);
}
