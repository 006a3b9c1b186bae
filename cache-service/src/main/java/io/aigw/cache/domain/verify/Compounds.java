package io.aigw.cache.domain.verify;

import java.util.ArrayList;
import java.util.List;

/** Joins two adjacent words that the other prompt writes as one ("water proof" / "waterproof"). */
final class Compounds {

    private Compounds() {}

    static List<Word> joined(List<Word> words, List<Word> other) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (i + 1 < words.size() && word.segment() == words.get(i + 1).segment()) {
                Word candidate = word.merged(words.get(i + 1));
                if (other.stream().anyMatch(y -> y.isContent() && y.text().equals(candidate.text()))) {
                    out.add(candidate);
                    i++;
                    continue;
                }
            }
            out.add(word);
        }
        return out;
    }
}
