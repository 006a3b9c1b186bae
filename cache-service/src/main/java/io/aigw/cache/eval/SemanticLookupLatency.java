package io.aigw.cache.eval;

import io.aigw.cache.adapter.in.web.ChatRequestReader;
import io.aigw.cache.adapter.out.onnx.MiniLmTextEmbedder;
import io.aigw.cache.application.CacheMetrics;
import io.aigw.cache.application.LookupAnswer;
import io.aigw.cache.application.LookupMode;
import io.aigw.cache.application.SemanticIndex;
import io.aigw.cache.application.StoreAnswer;
import io.aigw.cache.application.TextEmbedder;
import io.aigw.cache.config.CacheProperties;
import io.aigw.cache.config.SemanticIndexFactory;
import io.aigw.cache.domain.AnswerFacts;
import io.aigw.cache.domain.CacheKeys;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.LookupResult;
import io.aigw.cache.domain.SemanticCandidate;
import io.aigw.cache.domain.SemanticEntry;
import io.aigw.cache.domain.SemanticSettings;
import io.aigw.cache.domain.StorePolicy;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.domain.TtlPolicy;
import io.aigw.cache.domain.verify.SameQuestionVerifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The semantic lookup latency harness behind {@code ./aigw bench cache}: fills a dedicated schema of
 * PostgreSQL with pgvector with {@code --entries} rows in {@code --scopes} equal scopes (random unit
 * vectors, generated in SQL, plus the dev set's {@code a} prompts embedded for real in the measured
 * scope), builds the HNSW index the migration defines, then times lookups of the paired {@code b}
 * prompts through the real {@link LookupAnswer} (embedding, scoped pgvector query at the service's
 * defaults, threshold, verifier), with the embedder and the index timed on their own.
 *
 * <pre>
 * java -cp cache-service/target/cache-service-*.jar -Dloader.main=io.aigw.cache.eval.SemanticLookupLatency \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --postgres 'jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres' --schema cache_bench \
 *   --tenant bench-cache --pairs ../shared/evals/semantic-cache-dev.jsonl --out timings.json
 * java ... --postgres … --schema cache_bench --drop true      # removes the schema
 * </pre>
 *
 * <p>Writes the raw per-lookup nanoseconds (total, embedding, index) to {@code --out}; the bench
 * module computes the percentiles. Leaves the filled schema in place (the bench then times the same
 * entries over HTTP) until called with {@code --drop true}.
 */
public final class SemanticLookupLatency {

    static final String MODEL = "gpt-4o-mini";
    private static final String RESPONSE = "{\"id\":\"bench\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"stored answer\"},\"finish_reason\":\"stop\"}]}";
    // the service's defaults (application.yml): threshold 0.75, 3 candidates, verifier on, ef_search 100
    static final double THRESHOLD = 0.75;
    static final int CANDIDATES = 3;
    static final int EF_SEARCH = 100;

    private SemanticLookupLatency() {}

    public static void main(String[] args) throws IOException, SQLException {
        Map<String, String> options = EvaluationReport.options(args);
        String schema = options.getOrDefault("schema", "cache_bench");
        if (!schema.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("--schema must be a plain lower-case identifier: " + schema);
        }
        String baseUrl = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/aigw_test?user=postgres");
        if (Boolean.parseBoolean(options.getOrDefault("drop", "false"))) {
            execute(baseUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            System.out.println("semantic-latency: dropped schema " + schema);
            return;
        }
        execute(baseUrl, "CREATE SCHEMA IF NOT EXISTS " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        CacheProperties.Postgres postgres =
                new CacheProperties.Postgres(url, "", "", EF_SEARCH, Duration.ofSeconds(30), 4, Duration.ofMinutes(10));
        SemanticIndexFactory.Choice choice = SemanticIndexFactory.choose(
                new CacheProperties.Semantic(true, THRESHOLD, CANDIDATES, true, 100_000, postgres));
        if (choice.dataSource() == null) {
            throw new IllegalStateException("pgvector is not usable: " + choice.reason());
        }
        try {
            run(options, choice);
        } finally {
            choice.dataSource().close();
        }
    }

    private static void run(Map<String, String> options, SemanticIndexFactory.Choice choice)
            throws IOException, SQLException {
        int entries = Integer.parseInt(options.getOrDefault("entries", "100000"));
        int scopes = Integer.parseInt(options.getOrDefault("scopes", "50"));
        int lookups = Integer.parseInt(options.getOrDefault("lookups", "1200"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "300"));
        TenantId tenant = new TenantId(options.getOrDefault("tenant", "bench-cache"));
        Path pairs = Path.of(options.getOrDefault("pairs", "../shared/evals/semantic-cache-dev.jsonl"));
        Path out = Path.of(options.getOrDefault("out", "semantic-latency.json"));
        JsonMapper json = JsonMapper.builder().build();
        DataSource dataSource = choice.dataSource();
        SemanticIndex index = choice.index();

        List<String> stored = new ArrayList<>(new LinkedHashSet<>(column(json, pairs, "a")));
        List<String> asked = column(json, pairs, "b");
        int perScope = entries / scopes;
        if (stored.size() > perScope) {
            throw new IllegalArgumentException("the measured scope (" + perScope + ") must hold the real entries");
        }
        String measuredScope = CacheKeys.semanticScope(tenant, request(json, "x"));
        long fillStarted = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE cache_semantic_entry");
            statement.execute("DROP INDEX IF EXISTS cache_semantic_entry_embedding_hnsw");
        }
        Random random = new Random(42);
        for (int s = 0; s < scopes; s++) {
            boolean measured = s == 0;
            // the measured tenant owns every fifth scope (other system prompts); the rest are other tenants'
            String owner = s % 5 == 0 ? tenant.value() : tenant.value() + "-other-" + (s % 10);
            String scope = measured ? measuredScope : String.format("%064x", new java.math.BigInteger(255, random));
            fillRandom(dataSource, owner, scope, measured ? perScope - stored.size() : perScope, s);
        }
        MiniLmTextEmbedder miniLm = new MiniLmTextEmbedder();
        Clock clock = Clock.systemUTC();
        MapExactAnswerStore exact = new MapExactAnswerStore();
        StoreAnswer store = new StoreAnswer(
                exact,
                index,
                miniLm,
                new StorePolicy(false, 1.0),
                new TtlPolicy(Duration.ofDays(1), Map.of()),
                CacheMetrics.NONE,
                clock);
        for (String prompt : stored) {
            store.store(
                    tenant,
                    request(json, prompt),
                    RESPONSE,
                    new AnswerFacts(List.of("stop"), false),
                    Optional.of(new BigDecimal("0.001")),
                    false);
        }
        exact.removeTenant(tenant);
        long indexStarted = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("CREATE INDEX cache_semantic_entry_embedding_hnsw"
                    + " ON cache_semantic_entry USING hnsw (embedding vector_cosine_ops)");
            statement.execute("ANALYZE cache_semantic_entry");
        }
        long built = System.nanoTime();
        long total = count(dataSource, "SELECT count(*) FROM cache_semantic_entry");
        long inScope =
                count(dataSource, "SELECT count(*) FROM cache_semantic_entry WHERE scope = '" + measuredScope + "'");
        System.out.printf(
                "semantic-latency: %d entries (%d in the measured scope, %d real), filled in %d s, HNSW built in %d s%n",
                total,
                inScope,
                stored.size(),
                Duration.ofNanos(indexStarted - fillStarted).toSeconds(),
                Duration.ofNanos(built - indexStarted).toSeconds());

        TimedEmbedder embedder = new TimedEmbedder(miniLm);
        TimedIndex timedIndex = new TimedIndex(index);
        LookupAnswer lookup = new LookupAnswer(
                exact,
                timedIndex,
                embedder,
                new SameQuestionVerifier(),
                new SemanticSettings(THRESHOLD, CANDIDATES, true),
                CacheMetrics.NONE,
                clock);
        List<CacheableRequest> requests =
                asked.stream().map(prompt -> request(json, prompt)).toList();
        long[] totalNanos = new long[lookups];
        long[] embedNanos = new long[lookups];
        long[] indexNanos = new long[lookups];
        Map<String, Integer> results = new TreeMap<>();
        for (int i = -warmUp; i < lookups; i++) {
            CacheableRequest request = requests.get(Math.floorMod(i, requests.size()));
            long started = System.nanoTime();
            LookupResult result = lookup.lookup(tenant, request, LookupMode.ON);
            long took = System.nanoTime() - started;
            if (i >= 0) {
                totalNanos[i] = took;
                embedNanos[i] = embedder.last;
                indexNanos[i] = timedIndex.last;
                results.merge(result.label(), 1, Integer::sum);
            }
        }
        ObjectNode report = json.createObjectNode();
        report.put("entries", total);
        report.put("scopes", scopes);
        report.put("measuredScopeEntries", inScope);
        report.put("realEntries", stored.size());
        report.put("fillSeconds", Duration.ofNanos(indexStarted - fillStarted).toMillis() / 1000.0);
        report.put("hnswBuildSeconds", Duration.ofNanos(built - indexStarted).toMillis() / 1000.0);
        report.put("warmUp", warmUp);
        report.put("efSearch", EF_SEARCH);
        report.put("threshold", THRESHOLD);
        report.put("candidates", CANDIDATES);
        report.put("plan", plan(dataSource, tenant, measuredScope, miniLm.embed(asked.get(0))));
        results.forEach(report.putObject("results")::put);
        putArray(report, "totalNanos", totalNanos);
        putArray(report, "embeddingNanos", embedNanos);
        putArray(report, "indexNanos", indexNanos);
        Files.writeString(out, json.writeValueAsString(report));
        System.out.println("semantic-latency: " + lookups + " lookups after " + warmUp + " warm-up, results " + results
                + "; wrote " + out);
    }

    private static void fillRandom(DataSource dataSource, String tenant, String scope, int rows, int seed)
            throws SQLException {
        // Gaussian coordinates, normalised: uniform directions on the unit sphere
        String sql = "INSERT INTO cache_semantic_entry"
                + " (tenant, model, scope, prompt, response_json, cost_usd, stored_at, expires_at, embedding)"
                + " SELECT ?, ?, ?, 'random entry ' || g, ?, 0.001, now(), now() + interval '1 day', v.e"
                + " FROM generate_series(1, ?) g CROSS JOIN LATERAL (SELECT l2_normalize(array_agg("
                + "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::vector) AS e"
                + " FROM generate_series(1, 384) d WHERE g > 0) v";
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setseed(" + (seed % 100) / 100.0 + ")");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, tenant);
                insert.setString(2, MODEL);
                insert.setString(3, scope);
                insert.setString(4, RESPONSE);
                insert.setInt(5, rows);
                insert.executeUpdate();
            }
        }
    }

    /** The plan PostgreSQL picks for the lookup's query, with the lookup's settings. */
    private static String plan(DataSource dataSource, TenantId tenant, String scope, float[] embedding)
            throws SQLException {
        String vector = new com.pgvector.PGvector(embedding).getValue();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
                statement.execute("SET LOCAL hnsw.ef_search = " + EF_SEARCH);
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN SELECT prompt, 1 - (embedding <=> ?::vector) AS similarity FROM cache_semantic_entry"
                            + " WHERE scope = ? AND tenant = ? AND expires_at > now()"
                            + " ORDER BY embedding <=> ?::vector LIMIT " + CANDIDATES)) {
                explain.setString(1, vector);
                explain.setString(2, scope);
                explain.setString(3, tenant.value());
                explain.setString(4, vector);
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1).strip()).append("; ");
                    }
                }
            }
            connection.rollback();
            return plan.toString().replaceAll("'\\[[^\\]]*\\]'", "'[…]'").strip();
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void putArray(ObjectNode report, String name, long[] values) {
        var array = report.putArray(name);
        for (long value : values) {
            array.add(value);
        }
    }

    private static List<String> column(JsonMapper json, Path pairs, String field) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(pairs)) {
            if (!line.isBlank()) {
                JsonNode pair = json.readTree(line);
                values.add(pair.path(field).stringValue());
            }
        }
        return values;
    }

    private static CacheableRequest request(JsonMapper json, String prompt) {
        var body = json.createObjectNode();
        body.put("model", MODEL);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return ChatRequestReader.read(body);
    }

    /** The real embedder, timed (single-threaded harness: the last call's duration). */
    private static final class TimedEmbedder implements TextEmbedder {
        private final TextEmbedder delegate;
        long last;

        TimedEmbedder(TextEmbedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public float[] embed(String text) {
            long started = System.nanoTime();
            float[] vector = delegate.embed(text);
            last = System.nanoTime() - started;
            return vector;
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }
    }

    /** The real pgvector index, its {@code nearest} timed (connection, SET LOCAL, query, commit). */
    private static final class TimedIndex implements SemanticIndex {
        private final SemanticIndex delegate;
        long last;

        TimedIndex(SemanticIndex delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<SemanticCandidate> nearest(
                TenantId tenant, String scope, float[] embedding, int limit, Instant now) {
            long started = System.nanoTime();
            List<SemanticCandidate> found = delegate.nearest(tenant, scope, embedding, limit, now);
            last = System.nanoTime() - started;
            return found;
        }

        @Override
        public void add(SemanticEntry entry) {
            delegate.add(entry);
        }

        @Override
        public long removeTenant(TenantId tenant) {
            return delegate.removeTenant(tenant);
        }

        @Override
        public long removeModel(TenantId tenant, String model) {
            return delegate.removeModel(tenant, model);
        }

        @Override
        public long count(TenantId tenant) {
            return delegate.count(tenant);
        }

        @Override
        public long countAll() {
            return delegate.countAll();
        }

        @Override
        public String kind() {
            return delegate.kind();
        }
    }
}
