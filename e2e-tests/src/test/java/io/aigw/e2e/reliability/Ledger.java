package io.aigw.e2e.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** billing's usage ledger and cache's semantic entries, read straight from the throwaway PostgreSQL. */
final class Ledger {

    private Ledger() {}

    /** How many ledger rows carry one of these request ids. */
    static long rowsFor(Collection<String> requestIds) {
        List<String> ids = requestIds.stream().filter(Objects::nonNull).toList();
        try (Connection c = ReliabilityStack.postgres().connect();
                PreparedStatement q =
                        c.prepareStatement("SELECT count(*) FROM usage_ledger WHERE request_id = ANY(?)")) {
            Array array = c.createArrayOf("varchar", ids.toArray());
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Every ledger row; -1 while the database does not answer. */
    static long rows() {
        return count("SELECT count(*) FROM usage_ledger");
    }

    /** Every semantic cache entry; -1 while the database does not answer. */
    static long semanticEntries() {
        return count("SELECT count(*) FROM cache_semantic_entry");
    }

    private static long count(String sql) {
        try (Connection c = ReliabilityStack.postgres().connect();
                PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The answered (200) request ids among outcomes. */
    static List<String> answered(List<Outcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.status() == 200 && o.requestId() != null)
                .map(Outcome::requestId)
                .distinct()
                .toList();
    }
}
