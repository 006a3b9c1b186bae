package io.aigw.bench.routing.domain;

/**
 * A sanity check of the harness, not a score: did the simulator replay the recorded answer of the
 * model that answered? A miss means the prompt was not found (filler text came back) or the data
 * disagree with themselves: MMLU repeats some prompts with different labels, and the simulator
 * replays the first.
 */
public final class ReplayCheck {

    /** The simulator's stand-in for an MMLU answer, which the data do not hold. */
    static String mmluAnswer(boolean correct) {
        return "MMLU replay: " + (correct ? "correct" : "incorrect");
    }

    private final Scorer scorer;

    public ReplayCheck(Scorer scorer) {
        this.scorer = scorer;
    }

    /** True when the reply is the recorded answer (or, when cut at the token limit, its beginning). */
    public boolean replayed(LabeledPrompt prompt, Reply reply) {
        var role = scorer.roleOf(reply);
        if (!reply.ok() || role.isEmpty()) {
            return false;
        }
        String recorded = prompt.responseOf(role.get());
        String expected = recorded.isEmpty() ? mmluAnswer(prompt.correctFor(role.get())) : recorded;
        String got = reply.content().strip();
        String want = expected.strip();
        return reply.truncated() ? want.startsWith(got) : want.equals(got);
    }
}
