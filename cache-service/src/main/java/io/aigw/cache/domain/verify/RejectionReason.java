package io.aigw.cache.domain.verify;

/** Why two prompts were judged to ask different things; a bounded label set for metrics. */
public enum RejectionReason {
    /** A number or a unit differs ("2 decimal places" vs "4", "Celsius" vs "Fahrenheit"). */
    NUMBER,
    /** One prompt negates what the other asks ("use the euro" vs "do not use the euro"). */
    NEGATION,
    /** A proper noun, acronym or identifier differs ("Spain" vs "Italy"). */
    ENTITY,
    /** The same terms in the opposite direction of a relation ("X to Y" vs "Y to X"). */
    DIRECTION,
    /** An output constraint differs: format, length, language, tone, audience, date or time. */
    CONSTRAINT,
    /** A content word has no counterpart on the other side: a different subject or task. */
    CONTENT;

    /** The metric label, e.g. {@code number}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
