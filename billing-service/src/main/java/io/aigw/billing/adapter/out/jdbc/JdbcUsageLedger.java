package io.aigw.billing.adapter.out.jdbc;

import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.domain.UsageRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger in the {@code usage_ledger} table, written a batch at a time: one transaction asks which
 * request ids are there already and inserts the rest as one JDBC batch. Per event, a transaction of
 * its own with an ORM insert cost billing and PostgreSQL about 670 µs of CPU (the overhead benchmark,
 * #9); a batch shares the round trips and the commit.
 *
 * <p>Idempotency rests on the primary key, not on vendor SQL (ADR 0020): a row already there is a
 * duplicate. A batch that still hits the key (another consumer inserted one of its rows in between)
 * or a value the database refuses rolls back whole and is {@link UsageLedger.Rejected}; the caller
 * then records its rows one at a time, where a single row tells a duplicate from a refusal.
 */
public class JdbcUsageLedger implements UsageLedger {

    private static final String EXISTING = "SELECT request_id FROM usage_ledger WHERE request_id IN (:ids)";

    private static final String INSERT = "INSERT INTO usage_ledger (request_id, tenant_id, key_id, requested_model,"
            + " model, provider, tier, prompt_tokens, completion_tokens, cached_prompt_tokens, cost_usd, saved_usd,"
            + " top_tier_cost_usd, escalations, escalation_cost_usd, cache_result, attempts, status, latency_ms,"
            + " occurred_at, usage_day, input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok,"
            + " hold_id, stream_entry_id, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcUsageLedger(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome record(UsageRecord record) {
        try {
            return write(List.of(record)).get(0);
        } catch (DataIntegrityViolationException e) {
            if (!existing(List.of(record)).isEmpty()) {
                return Outcome.DUPLICATE;
            }
            throw new Rejected(
                    "the ledger refuses request " + record.requestId() + ": "
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                    e);
        }
    }

    @Override
    public List<Outcome> recordAll(List<UsageRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        try {
            return write(records);
        } catch (DataIntegrityViolationException e) {
            throw new Rejected(
                    "the ledger refuses a batch of " + records.size() + " requests: "
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                    e);
        }
    }

    private List<Outcome> write(List<UsageRecord> records) {
        return transactions.execute(status -> {
            // asked first, so the common redelivery path does not end in a constraint violation
            Set<String> taken = new HashSet<>(existing(records));
            List<Outcome> outcomes = new ArrayList<>(records.size());
            List<UsageRecord> fresh = new ArrayList<>(records.size());
            for (UsageRecord record : records) {
                // add() is false for a row there already and for a request twice in this batch
                if (taken.add(record.requestId())) {
                    fresh.add(record);
                    outcomes.add(Outcome.RECORDED);
                } else {
                    outcomes.add(Outcome.DUPLICATE);
                }
            }
            if (!fresh.isEmpty()) {
                OffsetDateTime recordedAt = utc(clock.instant());
                jdbc.getJdbcTemplate()
                        .batchUpdate(INSERT, fresh, fresh.size(), (insert, record) -> bind(insert, record, recordedAt));
            }
            return outcomes;
        });
    }

    private List<String> existing(List<UsageRecord> records) {
        List<String> ids = records.stream().map(UsageRecord::requestId).toList();
        return jdbc.queryForList(EXISTING, new MapSqlParameterSource("ids", ids), String.class);
    }

    private static void bind(PreparedStatement insert, UsageRecord r, OffsetDateTime recordedAt) throws SQLException {
        int i = 0;
        insert.setString(++i, r.requestId());
        insert.setString(++i, r.tenantId());
        text(insert, ++i, r.keyId());
        text(insert, ++i, r.requestedModel());
        text(insert, ++i, r.model());
        text(insert, ++i, r.provider());
        insert.setInt(++i, r.tier());
        insert.setLong(++i, r.promptTokens());
        insert.setLong(++i, r.completionTokens());
        insert.setLong(++i, r.cachedPromptTokens());
        insert.setBigDecimal(++i, r.costUsd());
        insert.setBigDecimal(++i, r.savedUsd());
        insert.setBigDecimal(++i, r.topTierCostUsd());
        insert.setInt(++i, r.escalations());
        insert.setBigDecimal(++i, r.escalationCostUsd());
        insert.setString(++i, r.cache());
        insert.setInt(++i, r.attempts());
        insert.setInt(++i, r.status());
        insert.setLong(++i, r.latencyMs());
        insert.setObject(++i, utc(r.occurredAt()));
        insert.setObject(++i, r.day());
        money(insert, ++i, r.inputPricePerMtok());
        money(insert, ++i, r.outputPricePerMtok());
        money(insert, ++i, r.cachedInputPricePerMtok());
        text(insert, ++i, r.holdId());
        insert.setString(++i, r.streamEntryId());
        insert.setObject(++i, recordedAt);
    }

    private static void text(PreparedStatement insert, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            insert.setString(index, value.get());
        } else {
            insert.setNull(index, Types.VARCHAR);
        }
    }

    private static void money(PreparedStatement insert, int index, Optional<BigDecimal> value) throws SQLException {
        if (value.isPresent()) {
            insert.setBigDecimal(index, value.get());
        } else {
            insert.setNull(index, Types.NUMERIC);
        }
    }

    /** Both drivers map OffsetDateTime to TIMESTAMP WITH TIME ZONE; an Instant not in every version. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
