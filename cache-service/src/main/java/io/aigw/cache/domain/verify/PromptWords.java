package io.aigw.cache.domain.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a prompt into classified {@link Word}s and sentences. */
final class PromptWords {

    private static final Pattern TOKEN = Pattern.compile(
            "\\d[\\d,]*(?:\\.\\d+)?(?:st|nd|rd|th)?(?:\\s?%)?|[\\p{L}][\\p{L}\\d_]*(?:'[\\p{L}]+)*|[.!?:;]+(?=\\s|$)|,|\\n");

    private PromptWords() {}

    static List<Word> of(String prompt) {
        String text = Lexicon.POLITE_PHRASES
                .matcher(prompt.replace('\u2019', '\''))
                // keep a politeness marker where the formula was, so its sentence still reads as small talk
                .replaceAll(" please ")
                .replace('\u2018', '\'')
                .replaceAll("(?i)\\bw/", "with ")
                .replace("->", " to ")
                .replace('\u2192', ' ');
        List<Word> words = new ArrayList<>();
        int segment = 0;
        int clause = 0;
        boolean sentenceStart = true;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            char first = raw.charAt(0);
            if (first == ',') {
                clause++;
                continue;
            }
            if (first == '.' || first == '!' || first == '?' || first == ':' || first == ';' || first == '\n') {
                if (!sentenceStart) {
                    segment++;
                    clause++;
                }
                sentenceStart = true;
                continue;
            }
            if (Character.isDigit(first)) {
                addNumber(words, raw, segment, clause);
            } else {
                addWord(words, raw, sentenceStart, segment, clause);
            }
            sentenceStart = false;
        }
        return List.copyOf(words);
    }

    private static void addNumber(List<Word> words, String raw, int segment, int clause) {
        String digits = raw.replace(",", "").replace(" ", "");
        boolean percent = digits.endsWith("%");
        digits = digits.replace("%", "");
        String ordinal = digits.replaceAll("(st|nd|rd|th)$", "");
        String value = !ordinal.equals(digits)
                ? "#" + ordinal
                : new BigDecimal(digits).stripTrailingZeros().toPlainString();
        words.add(new Word(value, value, Word.Kind.NUMBER, false, segment, clause));
        if (percent) {
            words.add(classified("percent", false, segment, clause));
        }
    }

    private static void addWord(List<Word> words, String raw, boolean sentenceStart, int segment, int clause) {
        boolean entity = looksLikeName(raw, sentenceStart);
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String part : expand(lower)) {
            String number = Lexicon.NUMBER_WORDS.get(part);
            if (number != null) {
                words.add(new Word(number, number, Word.Kind.NUMBER, false, segment, clause));
            } else {
                words.add(classified(part, entity && !Lexicon.isFunctionOrFiller(part), segment, clause));
            }
        }
    }

    /** Contractions and shorthand to plain words: "don't" → "do not", "pls" → "please". */
    private static List<String> expand(String lower) {
        List<String> parts = new ArrayList<>();
        String word = lower;
        if (word.endsWith("n't")) {
            String base = word.substring(0, word.length() - 3);
            parts.add(base.equals("wo") ? "will" : base.equals("ca") ? "can" : base);
            parts.add("not");
            return parts;
        }
        int apostrophe = word.indexOf('\'');
        if (apostrophe > 0) {
            word = word.substring(0, apostrophe);
        }
        String shorthand = Lexicon.SHORTHAND.get(word);
        if (shorthand != null) {
            parts.addAll(List.of(shorthand.split(" ")));
        } else {
            parts.add(word);
        }
        return parts;
    }

    private static Word classified(String text, boolean entity, int segment, int clause) {
        Word.Kind kind;
        if (Lexicon.NEGATIONS.contains(text)) {
            kind = Word.Kind.NEGATION;
        } else if (Lexicon.DIRECTED.contains(text)) {
            kind = Word.Kind.DIRECTED;
        } else if (Lexicon.STOP.contains(text)) {
            kind = Word.Kind.FUNCTION;
        } else if (Lexicon.FILLER.contains(text)) {
            kind = Word.Kind.FILLER;
        } else {
            kind = Word.Kind.CONTENT;
        }
        return new Word(text, Stems.of(text), kind, entity && kind == Word.Kind.CONTENT, segment, clause);
    }

    /** A capital inside a sentence, an acronym, or camelCase / snake_case. */
    private static boolean looksLikeName(String raw, boolean sentenceStart) {
        if (raw.length() >= 2 && raw.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return !raw.equals("I");
        }
        if (raw.contains("_")) {
            return true;
        }
        for (int i = 1; i < raw.length(); i++) {
            if (Character.isUpperCase(raw.charAt(i)) && Character.isLowerCase(raw.charAt(i - 1))) {
                return true;
            }
        }
        return !sentenceStart && Character.isUpperCase(raw.charAt(0));
    }
}
