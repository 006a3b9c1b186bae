package io.aigw.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What the CLI prints once the stack is ready: where to point an OpenAI client, the demo key, a curl
 * to paste, the services, the logs and how to stop. Shows no secret but the demo key.
 *
 * @param gatewayUrl the gateway's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param demoKey the gateway key to paste
 * @param services one line per service
 * @param redisDescription where Redis is, with any password redacted
 * @param logDirectory the folder of the logs
 * @param stopCommand how to stop from another terminal
 */
public record ReadyBanner(
        String gatewayUrl,
        String demoKey,
        List<Line> services,
        String redisDescription,
        Path logDirectory,
        String stopCommand) {

    /** The model the sample request asks for. */
    public static final String SAMPLE_MODEL = "gpt-4o-mini";

    /** One service: its module, URL and PID. */
    public record Line(String module, String url, long pid) {}

    /** The banner of a running stack. */
    public static ReadyBanner of(LocalStack stack, String stopCommand) {
        List<Line> lines = stack.services().stream()
                .map(s -> new Line(s.moduleName(), stack.url(s), stack.pid(s)))
                .toList();
        String redis = RedisUrls.redact(stack.redisUrl())
                + (stack.redisPid().isPresent()
                        ? " (embedded, pid " + stack.redisPid().getAsLong() + ")"
                        : " (external)");
        return new ReadyBanner(
                stack.url(Service.GATEWAY),
                stack.demoKey(),
                lines,
                redis,
                stack.spec().logDirectory(),
                stopCommand);
    }

    /** The OpenAI-compatible base URL clients use. */
    public String baseUrl() {
        return gatewayUrl + "/v1";
    }

    /** The text to print. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("\nAI gateway is ready.\n\n");
        for (Line line : services) {
            out.append(String.format("  %-20s %-24s pid %d%n", line.module(), line.url(), line.pid()));
        }
        out.append(String.format("  %-20s %s%n", "redis", redisDescription));
        out.append('\n');
        out.append("  Base URL  ").append(baseUrl()).append('\n');
        out.append("  API key   ").append(demoKey).append('\n');
        out.append('\n');
        out.append("  Try it:\n\n");
        out.append(curl()).append('\n');
        out.append('\n');
        out.append("  Logs      ").append(logDirectory).append('\n');
        out.append("  Stop      Ctrl-C here, or ").append(stopCommand).append(" from another terminal\n");
        return out.toString();
    }

    /** A ready-to-paste chat completion request against the gateway. */
    public String curl() {
        return "curl -sS " + baseUrl() + "/chat/completions \\\n"
                + "  -H 'Authorization: Bearer " + demoKey + "' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d '{\"model\":\"" + SAMPLE_MODEL
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in five words.\"}]}'";
    }
}
