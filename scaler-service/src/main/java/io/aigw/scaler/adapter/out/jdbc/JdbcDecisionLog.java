package io.aigw.scaler.adapter.out.jdbc;

import io.aigw.scaler.application.DecisionLog;
import io.aigw.scaler.application.DecisionRecord;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The decision log in the {@code scaler_decision} table (PostgreSQL, or the H2 file of ADR 0020), via JdbcTemplate. */
public final class JdbcDecisionLog implements DecisionLog {

    private static final RowMapper<DecisionRecord> ROW = (rs, n) -> new DecisionRecord(
            rs.getTimestamp("decided_at").toInstant(),
            rs.getString("workload"),
            rs.getString("rule"),
            rs.getInt("current_replicas"),
            rs.getInt("desired_replicas"),
            rs.getBoolean("applied"),
            rs.getString("inputs"),
            rs.getString("message"));

    private final JdbcTemplate jdbc;

    public JdbcDecisionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(DecisionRecord r) {
        jdbc.update(
                "INSERT INTO scaler_decision (id, decided_at, workload, rule, current_replicas, desired_replicas,"
                        + " applied, inputs, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                Timestamp.from(r.at()),
                r.workload(),
                r.rule(),
                r.currentReplicas(),
                r.desiredReplicas(),
                r.applied(),
                clip(r.inputs(), 4000),
                clip(r.message(), 1000));
    }

    @Override
    public List<DecisionRecord> recent(int limit, Optional<String> workload) {
        String columns = "SELECT decided_at, workload, rule, current_replicas, desired_replicas, applied, inputs,"
                + " message FROM scaler_decision";
        return workload.isPresent()
                ? jdbc.query(
                        columns + " WHERE workload = ? ORDER BY decided_at DESC LIMIT ?", ROW, workload.get(), limit)
                : jdbc.query(columns + " ORDER BY decided_at DESC LIMIT ?", ROW, limit);
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
