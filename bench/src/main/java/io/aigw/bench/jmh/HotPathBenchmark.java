package io.aigw.bench.jmh;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.aigw.cache.domain.CacheKeys;
import io.aigw.cache.domain.CacheableRequest;
import io.aigw.cache.domain.ExactKey;
import io.aigw.cache.domain.TenantId;
import io.aigw.cache.format.ExactCacheKey;
import io.aigw.routing.domain.Capability;
import io.aigw.routing.domain.ChatRequest;
import io.aigw.routing.domain.Deployment;
import io.aigw.routing.domain.DeploymentConditions;
import io.aigw.routing.domain.Model;
import io.aigw.routing.domain.Price;
import io.aigw.routing.domain.Prompt;
import io.aigw.routing.domain.Provider;
import io.aigw.routing.domain.ProviderType;
import io.aigw.routing.domain.ResponseFormat;
import io.aigw.routing.domain.RoutePlan;
import io.aigw.routing.domain.RoutePlanner;
import io.aigw.routing.domain.TierRange;
import io.aigw.routing.domain.TokenCounter;
import io.aigw.routing.domain.Tokenizer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pure functions every request runs through, with the real domain code of routing and the cache:
 * the exact cache key, the prompt token estimate (jtokkit, as routing counts), the tokenizer choice and
 * the route plan of the shipped {@code auto} group. Run with {@code ./aigw bench jmh} (options after
 * it go to JMH, e.g. {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    /** The body of the overhead benchmark's requests, in the cache's canonical form. */
    private static final String SHORT_MATERIAL =
            "{\"max_tokens\":16,\"messages\":[{\"content\":\"Say one short sentence"
                    + " about the sea.\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}";

    private TenantId tenant;
    private CacheableRequest shortRequest;
    private CacheableRequest longRequest;
    private TokenCounter tokens;
    private Prompt shortPrompt;
    private Prompt longPrompt;
    private RoutePlanner planner;
    private List<Deployment> autoGroup;
    private ChatRequest chat;
    private JsonNode shortBody;

    @Setup
    public void setUp() {
        // routing's path: the key of the parsed request body, as RedisExactResponseCache derives it
        shortBody = JsonMapper.builder().build().readTree(SHORT_MATERIAL);
        tenant = new TenantId("bench");
        shortRequest = new CacheableRequest("gpt-4o-mini", SHORT_MATERIAL, "", Optional.empty(), Optional.empty());
        String conversation = "You are a helpful assistant. ".repeat(20)
                + "Summarise the following text in three bullet points. " + "Lorem ipsum dolor sit amet, ".repeat(100);
        longRequest = new CacheableRequest(
                "gpt-4o-mini",
                "{\"messages\":[{\"content\":\"" + conversation + "\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}",
                "",
                Optional.empty(),
                Optional.empty());
        tokens = new JtokkitCounter();
        shortPrompt = new Prompt(List.of("user Say one short sentence about the sea."), 0, List.of());
        longPrompt = new Prompt(List.of("system You are a helpful assistant.", "user " + conversation), 0, List.of());
        planner = new RoutePlanner(tokens, 512);
        Provider simulator = new Provider(
                "simulator",
                ProviderType.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:8090/v1"),
                "",
                Duration.ofSeconds(60));
        Provider anthropic = new Provider(
                "simulator-anthropic",
                ProviderType.ANTHROPIC,
                URI.create("http://127.0.0.1:8090/v1"),
                "",
                Duration.ofSeconds(60));
        Set<Capability> all = Set.of(Capability.TOOLS, Capability.JSON, Capability.VISION, Capability.STREAM);
        autoGroup = List.of(
                new Deployment(
                        model(
                                "llama-3-8b",
                                "simulator",
                                "sim-weak",
                                1,
                                "0.05",
                                "0.08",
                                8192,
                                Set.of(Capability.STREAM)),
                        simulator),
                new Deployment(
                        model("gpt-4o-mini", "simulator", "gpt-4o-mini", 1, "0.15", "0.60", 128000, all), simulator),
                new Deployment(
                        model("claude-sonnet", "simulator-anthropic", "claude-sonnet", 2, "3.00", "15.00", 200000, all),
                        anthropic),
                new Deployment(model("gpt-4o", "simulator", "sim-strong", 3, "2.50", "10.00", 128000, all), simulator));
        chat = new ChatRequest("auto", false, false, OptionalInt.of(16), Set.of(), ResponseFormat.TEXT, shortPrompt);
    }

    @Benchmark
    public ExactKey exactCacheKeyShort() {
        return CacheKeys.exact(tenant, shortRequest);
    }

    @Benchmark
    public String exactCacheKeyOfBody() {
        return ExactCacheKey.of("bench", shortBody);
    }

    @Benchmark
    public ExactKey exactCacheKeyLong() {
        return CacheKeys.exact(tenant, longRequest);
    }

    @Benchmark
    public int tokenEstimateShort() {
        return shortPrompt.estimateTokens(tokens, Tokenizer.CL100K);
    }

    @Benchmark
    public int tokenEstimateLong() {
        return longPrompt.estimateTokens(tokens, Tokenizer.CL100K);
    }

    @Benchmark
    public Tokenizer tokenizerForModel() {
        return Tokenizer.forModel("gpt-4o-mini");
    }

    @Benchmark
    public RoutePlan routePlanAutoGroup() {
        return planner.plan("cheapest", autoGroup, chat, TierRange.ALL, DeploymentConditions.NONE);
    }

    private static Model model(
            String name,
            String provider,
            String upstream,
            int tier,
            String in,
            String out,
            int window,
            Set<Capability> capabilities) {
        return new Model(
                name,
                provider,
                upstream,
                tier,
                new Price(new BigDecimal(in), new BigDecimal(out)),
                window,
                capabilities);
    }

    /** jtokkit's encodings behind routing's port, loaded once, as routing's adapter does. */
    private static final class JtokkitCounter implements TokenCounter {
        private final Map<Tokenizer, Encoding> encodings = new EnumMap<>(Tokenizer.class);

        JtokkitCounter() {
            EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
            encodings.put(Tokenizer.CL100K, registry.getEncoding(EncodingType.CL100K_BASE));
            encodings.put(Tokenizer.O200K, registry.getEncoding(EncodingType.O200K_BASE));
        }

        @Override
        public int count(Tokenizer tokenizer, String text) {
            return text == null || text.isEmpty() ? 0 : encodings.get(tokenizer).countTokensOrdinary(text);
        }
    }
}
