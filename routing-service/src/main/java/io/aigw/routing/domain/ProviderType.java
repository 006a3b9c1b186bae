package io.aigw.routing.domain;

/** The wire dialect a provider speaks. */
public enum ProviderType {
    /** api.openai.com. */
    OPENAI,
    /** Anthropic Messages API. */
    ANTHROPIC,
    /** Any server that speaks the OpenAI chat completions API (vLLM, Ollama, Groq, the simulator). */
    OPENAI_COMPATIBLE
}
