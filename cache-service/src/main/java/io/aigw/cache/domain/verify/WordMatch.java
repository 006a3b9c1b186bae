package io.aigw.cache.domain.verify;

/** When two words count as the same: same stem, a shared synonym group, or a plausible typo. */
final class WordMatch {

    private WordMatch() {}

    static boolean matches(Word x, Word y) {
        if (x.stem().equals(y.stem()) || x.text().equals(y.text())) {
            return true;
        }
        if (opposites(x.text(), y.text())) {
            return false;
        }
        if (x.entity() || y.entity()) {
            // names are not synonyms of anything, and only a one-letter slip is forgiven
            return typo(x.text(), y.text(), 5, 1);
        }
        return Synonyms.same(x.stem(), y.stem()) || typo(x.text(), y.text(), 4, 1) || typo(x.text(), y.text(), 8, 2);
    }

    /** "shoud" for "should": a slip on a word that carries no content is no content either. */
    static boolean misspelledFunctionWord(Word x, java.util.List<Word> other) {
        return other.stream()
                .filter(y -> y.kind() == Word.Kind.FUNCTION || y.kind() == Word.Kind.FILLER)
                .anyMatch(y -> typo(x.text(), y.text(), 4, 1));
    }

    /** "correct" / "incorrect", "safe" / "unsafe": one is the other with a negating prefix. */
    static boolean opposites(String x, String y) {
        for (String prefix : Lexicon.NEGATING_PREFIXES) {
            if ((x.equals(prefix + y) || y.equals(prefix + x)) && Math.min(x.length(), y.length()) >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * A typing slip: both words at least {@code minLength} long, the same first letter (slips rarely
     * hit it, and it keeps "import"/"export", "increase"/"decrease" apart), within {@code maxEdits}.
     */
    private static boolean typo(String x, String y, int minLength, int maxEdits) {
        if (Math.min(x.length(), y.length()) < minLength || x.charAt(0) != y.charAt(0)) {
            return false;
        }
        if (Math.abs(x.length() - y.length()) > maxEdits || Character.isDigit(x.charAt(0))) {
            return false;
        }
        return editDistance(x, y) <= maxEdits;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int editDistance(String x, String y) {
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }
}
