package io.aigw.cache.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the sentences of a prompt that are small talk ("Hi there! I hope you're doing well.",
 * "Thanks in advance!"): they carry a politeness marker and nothing an answer depends on — no
 * number, name or output constraint, and no content word that the other prompt shares.
 */
final class SmallTalk {

    private SmallTalk() {}

    /** The words of {@code prompt} outside its small-talk sentences, compared with {@code other}. */
    static List<Word> without(List<Word> prompt, List<Word> other) {
        Map<Integer, List<Word>> bySegment = new TreeMap<>();
        for (Word word : prompt) {
            bySegment.computeIfAbsent(word.segment(), k -> new ArrayList<>()).add(word);
        }
        List<Word> kept = new ArrayList<>();
        for (List<Word> sentence : bySegment.values()) {
            if (!isSmallTalk(sentence, other)) {
                kept.addAll(sentence);
            }
        }
        // a prompt that is all small talk is compared as written
        return kept.isEmpty() ? prompt : kept;
    }

    private static boolean isSmallTalk(List<Word> sentence, List<Word> other) {
        boolean polite = sentence.stream().anyMatch(w -> Lexicon.SOCIAL.contains(w.text()));
        if (!polite) {
            return false;
        }
        for (Word word : sentence) {
            if (word.kind() == Word.Kind.NUMBER || word.entity() || Lexicon.CONSTRAINTS.contains(word.text())) {
                return false;
            }
            if (word.isContent() && other.stream().anyMatch(y -> y.isContent() && WordMatch.matches(word, y))) {
                return false;
            }
        }
        return true;
    }
}
