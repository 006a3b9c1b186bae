package io.aigw.api;

/** Header names of the wire contract (DESIGN.md, "Public API" and "Request path"). */
public final class AigwHeaders {

    /** Set by the gateway on every request and echoed on every response. */
    public static final String REQUEST_ID = "x-aigw-request-id";

    /** The tenant the gateway resolved from the key; internal services trust it only from the gateway. */
    public static final String TENANT = "x-aigw-tenant";

    /** The gateway key's id (never the key itself). */
    public static final String KEY_ID = "x-aigw-key-id";

    /** The shared credential on internal calls that proves a request came through the gateway. */
    public static final String INTERNAL_TOKEN = "x-aigw-internal-token";

    public static final String PROVIDER = "x-aigw-provider";
    public static final String MODEL = "x-aigw-model";
    public static final String TIER = "x-aigw-tier";
    public static final String ATTEMPTS = "x-aigw-attempts";

    /** The quality gates a cascade's cheaper answers failed, in order (e.g. {@code truncated,refusal}). */
    public static final String ESCALATIONS = "x-aigw-escalations";

    public static final String CACHE = "x-aigw-cache";
    public static final String CACHE_SIMILARITY = "x-aigw-cache-similarity";
    public static final String COST_USD = "x-aigw-cost-usd";

    /**
     * Tokens (prompt plus completion, every attempt) a non-streamed answer used: what the gateway
     * charges against the tenant's token limits. A stream's headers leave before its usage is known,
     * so streams do not carry it.
     */
    public static final String TOKENS = "x-aigw-tokens";

    public static final String SAVED_USD = "x-aigw-saved-usd";
    public static final String MIN_TIER = "x-aigw-min-tier";
    public static final String MAX_TIER = "x-aigw-max-tier";

    private AigwHeaders() {}
}
