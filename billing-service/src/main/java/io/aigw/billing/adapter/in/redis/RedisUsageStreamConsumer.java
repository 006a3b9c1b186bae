package io.aigw.billing.adapter.in.redis;

import io.aigw.api.usage.UsageEvent;
import io.aigw.billing.adapter.in.redis.UsageStreamMetrics.Result;
import io.aigw.billing.application.UsageLedger;
import io.aigw.billing.application.UsageRecorder;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.UsageRecord;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing's consumer of the usage stream (ADR 0021), on one thread of its own with its own Redis
 * connection, because {@code XREADGROUP ... BLOCK} holds a connection for the whole wait.
 *
 * <ul>
 *   <li>Reads with the consumer group; acknowledges an entry only after its ledger row is committed
 *       (or found there already), so a crash in between redelivers it and the ledger counts it once.
 *   <li>First reads its own pending entries (id {@code 0}), after a start and after every failure,
 *       then new ones ({@code >}).
 *   <li>Every {@code reclaimEvery} claims entries that another (presumably dead) consumer left
 *       pending longer than {@code reclaimIdle} ({@code XAUTOCLAIM}).
 *   <li>An entry that cannot be parsed, fails the record's checks, or is refused by the database
 *       for good is copied to the dead-letter stream with the reason, logged, counted and then
 *       acknowledged: nothing is silently dropped, and one bad entry does not block the rest.
 *   <li>Every {@code reclaimEvery} also deletes the entries every consumer group is done with
 *       (before the oldest one still pending, or the last one delivered): their rows are in the
 *       ledger, and a stream kept whole would grow by one entry per request for ever.
 *   <li>Writes what one read returned in one ledger transaction; after a read that was not full it
 *       waits {@code linger} before the next, so that under load a write carries many entries.
 *   <li>When Redis or the database fails it backs off (doubling from {@code retryMin} to {@code
 *       retryMax}) and tries again; the service stays up meanwhile.
 * </ul>
 */
public class RedisUsageStreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisUsageStreamConsumer.class);

    /** Stream settings, from {@code aigw.billing.usage.*}. */
    public record Settings(
            String stream,
            String deadLetterStream,
            String group,
            String consumerName,
            int batchSize,
            Duration linger,
            Duration block,
            Duration reclaimIdle,
            Duration reclaimEvery,
            Duration retryMin,
            Duration retryMax) {}

    private final RedisClient client;
    private final Settings settings;
    private final UsageRecorder recorder;
    private final UsageStreamMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    public RedisUsageStreamConsumer(
            RedisClient client,
            Settings settings,
            UsageRecorder recorder,
            UsageStreamMetrics metrics,
            JsonMapper json,
            Clock clock) {
        this.client = client;
        this.settings = settings;
        this.recorder = recorder;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "usage-consumer");
        thread.setDaemon(true);
        thread.start();
        log.info(
                "Consuming usage events from {} as {} in group {}",
                settings.stream(),
                settings.consumerName(),
                settings.group());
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                // the thread notices within one read's block time
                thread.join(settings.block().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** For the health detail: connected to Redis and reading. */
    public boolean connected() {
        return connected;
    }

    /** For the health detail: the last failure, if the consumer is retrying. */
    public String lastError() {
        return lastError.get();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The wait after the next failure. Reset only when entries were handled (or none were waiting),
     * not when Redis answered: with the database down, Redis connects every time, and a reset there
     * kept the wait at {@code retryMin} for ever — billing spun at half a core with a WARN per try.
     */
    private Duration backoff;

    private void loop() {
        backoff = settings.retryMin();
        while (running) {
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                RedisCommands<String, String> redis = connection.sync();
                ensureGroup(redis);
                connected = true;
                consume(redis);
            } catch (RuntimeException e) {
                connected = false;
                metrics.count(Result.FAILED);
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!reason.equals(lastError.getAndSet(reason))) {
                    log.warn("Usage consumer failed, retrying with backoff: {}", reason);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.retryMax()) > 0
                        ? settings.retryMax()
                        : backoff.multipliedBy(2);
            }
        }
        connected = false;
    }

    private void consume(RedisCommands<String, String> redis) {
        Consumer<String> me = Consumer.from(settings.group(), settings.consumerName());
        boolean ownPendingFirst = true;
        Instant nextReclaim = clock.instant();
        while (running) {
            if (!clock.instant().isBefore(nextReclaim)) {
                reclaim(redis, me);
                // one XINFO GROUPS for both: the lag gauge and the trim floor
                List<Map<String, Object>> groups = groups(redis);
                refreshLag(groups);
                trim(redis, groups);
                nextReclaim = clock.instant().plus(settings.reclaimEvery());
            }
            XReadArgs.StreamOffset<String> offset = ownPendingFirst
                    ? XReadArgs.StreamOffset.from(settings.stream(), "0")
                    : XReadArgs.StreamOffset.lastConsumed(settings.stream());
            XReadArgs args = XReadArgs.Builder.count(settings.batchSize());
            if (!ownPendingFirst) {
                args.block(settings.block());
            }
            List<StreamMessage<String, String>> entries = redis.xreadgroup(me, args, offset);
            if (ownPendingFirst && entries.isEmpty()) {
                ownPendingFirst = false;
            }
            handleAll(redis, entries);
            if (!ownPendingFirst && !entries.isEmpty() && entries.size() < settings.batchSize()) {
                // more are on their way: a short wait lets the next read take them together, one
                // commit for many instead of one per entry (a read that found nothing blocks instead)
                sleep(settings.linger());
            }
            // got here: the entries are handled, so the database and Redis both work again
            backoff = settings.retryMin();
            lastError.set(null);
        }
    }

    private void ensureGroup(RedisCommands<String, String> redis) {
        try {
            // from the start of the stream, so events published before billing first ran are billed
            redis.xgroupCreate(
                    XReadArgs.StreamOffset.from(settings.stream(), "0"),
                    settings.group(),
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException exists) {
            // BUSYGROUP: another replica or an earlier start created it
        }
    }

    private void reclaim(RedisCommands<String, String> redis, Consumer<String> me) {
        String cursor = "0-0";
        do {
            ClaimedMessages<String, String> claimed = redis.xautoclaim(
                    settings.stream(),
                    new XAutoClaimArgs<String>()
                            .consumer(me)
                            .minIdleTime(settings.reclaimIdle())
                            .startId(cursor)
                            .count(settings.batchSize()));
            if (!claimed.getMessages().isEmpty()) {
                log.info(
                        "Reclaimed {} usage entries idle for {} or longer",
                        claimed.getMessages().size(),
                        settings.reclaimIdle());
            }
            handleAll(redis, claimed.getMessages());
            cursor = claimed.getId();
        } while (running && !"0-0".equals(cursor));
    }

    /**
     * Records the entries' rows in one commit and acknowledges them with one {@code XACK}; entries
     * that cannot be read are dead-lettered on the way. A batch the ledger refuses is handled again one
     * entry at a time, which finds the row that is refused (or was written by another consumer).
     */
    private void handleAll(RedisCommands<String, String> redis, List<StreamMessage<String, String>> entries) {
        List<StreamMessage<String, String>> readable = new ArrayList<>(entries.size());
        List<UsageRecord> records = new ArrayList<>(entries.size());
        for (StreamMessage<String, String> entry : entries) {
            UsageRecord record = read(redis, entry);
            if (record != null) {
                readable.add(entry);
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            return;
        }
        List<UsageLedger.Outcome> outcomes;
        try {
            outcomes = recorder.recordAll(records);
        } catch (UsageLedger.Rejected refused) {
            for (int i = 0; i < readable.size(); i++) {
                record(redis, readable.get(i), records.get(i));
            }
            return;
        }
        metrics.batch(records.size());
        redis.xack(
                settings.stream(),
                settings.group(),
                readable.stream().map(StreamMessage::getId).toArray(String[]::new));
        outcomes.forEach(this::count);
    }

    /**
     * The entry's ledger record; null when there is none to record, and then the entry is already
     * acknowledged (trimmed while pending) or dead-lettered (unreadable, or fails the record's checks).
     */
    private UsageRecord read(RedisCommands<String, String> redis, StreamMessage<String, String> entry) {
        Map<String, String> body = entry.getBody();
        if (body == null) {
            // trimmed from the stream while pending: nothing left to record
            redis.xack(settings.stream(), settings.group(), entry.getId());
            return null;
        }
        String raw = body.get(UsageEvent.FIELD);
        try {
            if (raw == null) {
                throw new BillingException.InvalidInput(
                        UsageEvent.FIELD, "entry has no '" + UsageEvent.FIELD + "' field");
            }
            return UsageEvents.toRecord(json.readValue(raw, UsageEvent.class), entry.getId());
        } catch (JacksonException e) {
            deadLetter(redis, entry, "unparseable: " + e.getOriginalMessage());
        } catch (BillingException.InvalidInput e) {
            deadLetter(redis, entry, "invalid " + e.field() + ": " + e.getMessage());
        }
        return null;
    }

    /** Records one entry, or dead-letters it; a failure of Redis or the database propagates, unacked. */
    private void record(RedisCommands<String, String> redis, StreamMessage<String, String> entry, UsageRecord record) {
        UsageLedger.Outcome outcome;
        try {
            outcome = recorder.record(record);
        } catch (UsageLedger.Rejected e) {
            deadLetter(redis, entry, e.getMessage());
            return;
        }
        redis.xack(settings.stream(), settings.group(), entry.getId());
        count(outcome);
    }

    private void count(UsageLedger.Outcome outcome) {
        metrics.count(outcome == UsageLedger.Outcome.RECORDED ? Result.RECORDED : Result.DUPLICATE);
    }

    private void deadLetter(RedisCommands<String, String> redis, StreamMessage<String, String> entry, String reason) {
        Map<String, String> letter = new LinkedHashMap<>(entry.getBody());
        letter.put("source_stream", settings.stream());
        letter.put("source_id", entry.getId());
        letter.put("reason", reason);
        letter.put("consumer", settings.consumerName());
        // copied before the ack: a crash in between dead-letters it twice, never zero times
        redis.xadd(settings.deadLetterStream(), letter);
        redis.xack(settings.stream(), settings.group(), entry.getId());
        metrics.count(Result.DEAD_LETTERED);
        log.error("Usage entry {} moved to {}: {}", entry.getId(), settings.deadLetterStream(), reason);
    }

    private List<Map<String, Object>> groups(RedisCommands<String, String> redis) {
        return redis.xinfoGroups(settings.stream()).stream()
                .map(group -> pairs((List<?>) group))
                .toList();
    }

    private void refreshLag(List<Map<String, Object>> groups) {
        for (Map<String, Object> info : groups) {
            if (settings.group().equals(info.get("name"))) {
                metrics.lag(number(info.get("lag")), number(info.get("pending")));
            }
        }
    }

    /**
     * Deletes what every group on the stream is done with: entries before the oldest one a group
     * still has pending, or, with nothing pending, after the last one it was delivered. Any group
     * counts (another billing deployment on the same Redis), so none loses what it has not read.
     */
    private void trim(RedisCommands<String, String> redis, List<Map<String, Object>> groups) {
        String floor = null;
        for (Map<String, Object> info : groups) {
            String name = String.valueOf(info.get("name"));
            PendingMessages pending = redis.xpending(settings.stream(), name);
            String groupFloor = pending.getCount() > 0
                    ? pending.getMessageIds().getLower().getValue()
                    : nextAfter(String.valueOf(info.get("last-delivered-id")));
            if (floor == null || compareIds(groupFloor, floor) < 0) {
                floor = groupFloor;
            }
        }
        if (floor != null) {
            long removed = redis.xtrim(settings.stream(), XTrimArgs.Builder.minId(floor));
            if (removed > 0) {
                log.debug("Trimmed {} recorded usage entries from {}", removed, settings.stream());
            }
        }
    }

    /** The smallest id after {@code id}: MINID keeps entries at or after the floor. */
    static String nextAfter(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }

    /** Stream ids {@code <ms>-<seq>} in their numeric order. */
    static int compareIds(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byTime != 0
                ? byTime
                : Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
    }

    private static Map<String, Object> pairs(List<?> flat) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return map;
    }

    /** Redis before 7 has no lag field, and 7 answers nil when it cannot tell. */
    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
