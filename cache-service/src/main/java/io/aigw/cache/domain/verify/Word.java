package io.aigw.cache.domain.verify;

/**
 * One token of a prompt after normalisation.
 *
 * @param text lower-case form (numbers normalised, shorthand expanded)
 * @param stem {@link Stems#of} of the text; the number itself for numbers
 * @param kind what the verifier does with it
 * @param entity written like a proper noun, acronym or identifier
 * @param segment index of the sentence it belongs to
 * @param clause index of the comma-separated clause it belongs to, counted over the whole prompt
 */
record Word(String text, String stem, Kind kind, boolean entity, int segment, int clause) {

    enum Kind {
        CONTENT,
        NUMBER,
        NEGATION,
        DIRECTED,
        FUNCTION,
        FILLER
    }

    Word merged(Word next) {
        String joined = text + next.text;
        return new Word(joined, Stems.of(joined), Kind.CONTENT, entity || next.entity, segment, clause);
    }

    boolean isContent() {
        return kind == Kind.CONTENT;
    }
}
