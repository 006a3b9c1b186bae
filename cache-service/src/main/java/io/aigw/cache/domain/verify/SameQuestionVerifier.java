package io.aigw.cache.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a stored prompt and an asked prompt ask the same thing, so that the stored answer
 * may be served. Embedding similarity finds candidates; this check guards against the near-misses
 * embeddings cannot tell apart: a changed number or unit, a negation, another entity, a swapped
 * direction, another output constraint, or another subject.
 *
 * <p>The rule is lexical alignment: after dropping function words, politeness and small-talk
 * sentences, every content word on each side must have a counterpart on the other (the same stem, a
 * listed synonym, or a typing slip), numbers and negations must agree, and terms around a directed
 * word ("to", "from", "than") must not change sides. It is deliberately strict: a rejected
 * paraphrase costs one provider call, a served near-miss is a wrong answer. Pure and thread-safe.
 */
public final class SameQuestionVerifier {

    /** Compares the prompt an entry was stored for with the prompt being asked. */
    public Verdict compare(String stored, String asked) {
        List<Word> a = PromptWords.of(stored);
        List<Word> b = PromptWords.of(asked);
        List<Word> coreA = Compounds.joined(SmallTalk.without(a, b), b);
        List<Word> coreB = Compounds.joined(SmallTalk.without(b, a), coreA);

        List<String> numbersA = sortedNumbers(coreA);
        List<String> numbersB = sortedNumbers(coreB);
        if (!numbersA.equals(numbersB)) {
            return Verdict.rejected(RejectionReason.NUMBER, numbersA + " vs " + numbersB);
        }
        long negationsA = count(coreA, Word.Kind.NEGATION);
        long negationsB = count(coreB, Word.Kind.NEGATION);
        if (negationsA != negationsB) {
            return Verdict.rejected(RejectionReason.NEGATION, negationsA + " vs " + negationsB + " negations");
        }
        List<Word> contentA = content(coreA);
        List<Word> contentB = content(coreB);
        for (Word x : contentA) {
            for (Word y : contentB) {
                if (WordMatch.opposites(x.text(), y.text())) {
                    return Verdict.rejected(RejectionReason.NEGATION, x.text() + " vs " + y.text());
                }
            }
        }
        List<Word> unaligned = new ArrayList<>(unmatched(contentA, contentB, coreB));
        unaligned.addAll(unmatched(contentB, contentA, coreA));
        String swapped = Direction.swapped(coreA, coreB);
        if (swapped == null && unaligned.isEmpty()) {
            swapped = Direction.exchanged(contentA, contentB);
        }
        if (swapped == null && unaligned.isEmpty()) {
            swapped = Direction.tradedClauses(contentA, contentB);
        }
        if (swapped != null) {
            return Verdict.rejected(RejectionReason.DIRECTION, swapped);
        }
        if (unaligned.isEmpty()) {
            return Verdict.same();
        }
        String detail = unaligned.stream().map(Word::text).distinct().collect(Collectors.joining(","));
        return Verdict.rejected(classify(unaligned), detail);
    }

    private static RejectionReason classify(List<Word> unaligned) {
        if (unaligned.stream().anyMatch(Word::entity)) {
            return RejectionReason.ENTITY;
        }
        if (unaligned.stream().anyMatch(w -> Lexicon.UNITS.contains(w.text()))) {
            return RejectionReason.NUMBER;
        }
        if (unaligned.stream().anyMatch(w -> Lexicon.CONSTRAINTS.contains(w.text()))) {
            return RejectionReason.CONSTRAINT;
        }
        return RejectionReason.CONTENT;
    }

    /** Content words of {@code from} without a counterpart among the content words of {@code in}. */
    static List<Word> unmatched(List<Word> from, List<Word> in, List<Word> allOfIn) {
        List<Word> missing = new ArrayList<>();
        for (Word x : from) {
            if (in.stream().noneMatch(y -> WordMatch.matches(x, y)) && !WordMatch.misspelledFunctionWord(x, allOfIn)) {
                missing.add(x);
            }
        }
        return missing;
    }

    private static List<Word> content(List<Word> words) {
        return words.stream().filter(Word::isContent).toList();
    }

    private static List<String> sortedNumbers(List<Word> words) {
        return words.stream()
                .filter(w -> w.kind() == Word.Kind.NUMBER)
                .map(Word::text)
                .sorted()
                .toList();
    }

    private static long count(List<Word> words, Word.Kind kind) {
        return words.stream().filter(w -> w.kind() == kind).count();
    }
}
