package io.aigw.cache.domain.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Detects a relation whose ends changed sides: "USD to EUR" vs "EUR to USD", "from my phone to my
 * laptop" vs "from my laptop to my phone", "A bigger than B" vs "B bigger than A".
 */
final class Direction {

    private static final int REACH = 2;

    private Direction() {}

    /** A description of the first swapped pair, or {@code null} when no relation is reversed. */
    static String swapped(List<Word> a, List<Word> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != Word.Kind.DIRECTED) {
                continue;
            }
            List<Word> leftA = reach(a, i, -1);
            List<Word> rightA = reach(a, i, +1);
            for (int j = 0; j < b.size(); j++) {
                if (b.get(j).kind() != Word.Kind.DIRECTED) {
                    continue;
                }
                List<Word> leftB = reach(b, j, -1);
                List<Word> rightB = reach(b, j, +1);
                for (Word x : leftA) {
                    for (Word y : rightA) {
                        if (WordMatch.matches(x, y)) {
                            continue;
                        }
                        if (anyMatch(x, rightB) && anyMatch(y, leftB) && !anyMatch(x, leftB) && !anyMatch(y, rightB)) {
                            return x.text() + " " + a.get(i).text() + " " + y.text() + " reversed";
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * Two groups of terms that traded places around a term that stayed ("does stress cause blood
     * pressure" vs "does blood pressure cause stress"), all within one clause on both sides; a clause
     * moved as a whole is a reordering, not a reversal.
     */
    static String exchanged(List<Word> a, List<Word> b) {
        if (a.size() != b.size()) {
            return null;
        }
        int first = 0;
        while (first < a.size() && WordMatch.matches(a.get(first), b.get(first))) {
            first++;
        }
        int last = a.size() - 1;
        while (last > first && WordMatch.matches(a.get(last), b.get(last))) {
            last--;
        }
        if (first >= last || !oneClause(a, first, last) || !oneClause(b, first, last)) {
            return null;
        }
        List<Word> windowA = a.subList(first, last + 1);
        List<Word> windowB = b.subList(first, last + 1);
        int n = windowA.size();
        for (int x = 1; x < n - 1; x++) {
            for (int y = 1; x + y < n; y++) {
                // windowA = X Q Y and windowB = Y Q X, with Q the n - x - y terms in between
                int q = n - x - y;
                if (same(windowA.subList(0, x), windowB.subList(n - x, n))
                        && same(windowA.subList(n - y, n), windowB.subList(0, y))
                        && same(windowA.subList(x, x + q), windowB.subList(y, y + q))) {
                    return windowA.get(0).text() + " and " + windowA.get(n - 1).text() + " exchanged";
                }
            }
        }
        return null;
    }

    /**
     * Two terms that traded clauses while the rest of each clause stayed together ("timestamps in UTC
     * ... convert them to Eastern time" vs "timestamps in Eastern time ... convert them to UTC").
     */
    static String tradedClauses(List<Word> a, List<Word> b) {
        int[] clauseInB = new int[a.size()];
        for (int i = 0; i < a.size(); i++) {
            clauseInB[i] = -1;
            for (int j = 0; j < b.size() && clauseInB[i] < 0; j++) {
                if (WordMatch.matches(a.get(i), b.get(j))) {
                    clauseInB[i] = b.get(j).clause();
                }
            }
        }
        for (int x = 0; x < a.size(); x++) {
            for (int y = x + 1; y < a.size(); y++) {
                if (a.get(x).clause() != a.get(y).clause()
                        && clauseInB[x] != clauseInB[y]
                        && joined(a, clauseInB, x, y)
                        && joined(a, clauseInB, y, x)) {
                    return a.get(x).text() + " and " + a.get(y).text() + " traded places";
                }
            }
        }
        return null;
    }

    /** In {@code b}, term {@code x} keeps more of the company {@code y} had in {@code a} than of its own. */
    private static boolean joined(List<Word> a, int[] clauseInB, int x, int y) {
        int ownCompany = 0;
        int othersCompany = 0;
        for (int k = 0; k < a.size(); k++) {
            if (k == x || k == y || clauseInB[k] != clauseInB[x]) {
                continue;
            }
            if (a.get(k).clause() == a.get(x).clause()) {
                ownCompany++;
            } else if (a.get(k).clause() == a.get(y).clause()) {
                othersCompany++;
            }
        }
        return othersCompany > ownCompany;
    }

    private static boolean oneClause(List<Word> words, int from, int to) {
        return words.get(from).clause() == words.get(to).clause();
    }

    private static boolean same(List<Word> x, List<Word> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!WordMatch.matches(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(Word word, List<Word> words) {
        return words.stream().anyMatch(w -> WordMatch.matches(word, w));
    }

    /** Up to {@link #REACH} content words next to position {@code at}, in the same sentence. */
    private static List<Word> reach(List<Word> words, int at, int step) {
        List<Word> found = new ArrayList<>();
        Set<Integer> segment = new HashSet<>(List.of(words.get(at).segment()));
        for (int k = at + step; k >= 0 && k < words.size() && found.size() < REACH; k += step) {
            Word word = words.get(k);
            if (!segment.contains(word.segment()) || word.kind() == Word.Kind.DIRECTED) {
                break;
            }
            if (word.isContent()) {
                found.add(word);
            }
        }
        return found;
    }
}
