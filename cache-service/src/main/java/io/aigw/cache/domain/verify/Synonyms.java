package io.aigw.cache.domain.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of common English words that a request may use interchangeably. A group never holds
 * opposites or siblings ("increase"/"decrease", "horizontal"/"vertical"): a false synonym serves a
 * wrong answer, a missing one only costs a cache hit.
 */
final class Synonyms {

    private static final List<String> GROUPS = List.of(
            "write draft compose create generate produce make give provide craft prepare come_up",
            "explain describe clarify elaborate",
            "email e-mail mail message",
            "polite courteous respectful",
            "ask request inquire enquire",
            "repair fix mend",
            "solve resolve fix troubleshoot",
            "broken faulty defective",
            "typical typically usual usually normal normally common commonly generally",
            "check determine verify test detect tell",
            "sum total",
            "sort arrange",
            "descending decreasing",
            "ascending increasing",
            "highest largest biggest greatest maximum max",
            "lowest smallest minimum min",
            "mean meaning definition define signify",
            "lower reduce decrease cut lessen minimize minimise",
            "raise increase boost",
            "electricity electric power energy",
            "bill invoice",
            "join concatenate combine merge",
            "best effective optimal ideal efficient",
            "way method approach technique strategy means",
            "memorize memorise remember",
            "buy purchase acquire",
            "online internet web",
            "speed accelerate faster quicker",
            "slow sluggish",
            "retrieve recover restore undelete",
            "delete remove erase",
            "big large huge",
            "small little tiny",
            "fast quick rapid",
            "start begin commence",
            "finish complete conclude",
            "error bug issue problem mistake",
            "display show",
            "find locate identify",
            "use utilize utilise employ",
            "require need",
            "choose select pick",
            "change modify alter edit update adjust",
            "answer reply respond response",
            "car automobile vehicle",
            "kid child",
            "student pupil",
            "doctor physician",
            "price cost",
            "cheap inexpensive affordable",
            "expensive costly pricey",
            "movie film",
            "picture image photo photograph",
            "word term",
            "simple easy straightforward",
            "hard difficult tough",
            "correct right accurate",
            "summarize summarise recap",
            "convert transform",
            "calculate compute",
            "function method routine procedure",
            "app application program",
            "website site webpage",
            "ship shipping deliver delivery",
            "tip advice suggestion recommendation pointer hint",
            "improve enhance",
            "cause reason",
            "main primary principal chief major",
            "benefit advantage",
            "drawback disadvantage downside",
            "example instance sample",
            "located situated",
            "country nation",
            "store shop",
            "customer client",
            "happen occur",
            "allow permit let",
            "show demonstrate illustrate",
            "list enumerate",
            "happy glad",
            "shorten abbreviate",
            "get obtain",
            "common frequent",
            "terminate kill end stop halt quit",
            "reservation booking",
            "good nice",
            "gift present",
            "coworker colleague",
            "short brief concise succinct",
            "summary overview synopsis",
            "procedure process",
            "author writer");

    private static final Map<String, Set<Integer>> GROUPS_BY_STEM = index();

    private Synonyms() {}

    /** Whether two stems share a group. */
    static boolean same(String stemA, String stemB) {
        Set<Integer> a = GROUPS_BY_STEM.get(stemA);
        Set<Integer> b = GROUPS_BY_STEM.get(stemB);
        if (a == null || b == null) {
            return false;
        }
        for (Integer group : a) {
            if (b.contains(group)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<Integer>> index() {
        Map<String, Set<Integer>> byStem = new HashMap<>();
        for (int group = 0; group < GROUPS.size(); group++) {
            for (String word : GROUPS.get(group).split(" ")) {
                byStem.computeIfAbsent(Stems.of(word.replace('_', ' ')), k -> new HashSet<>())
                        .add(group);
            }
        }
        return Map.copyOf(byStem);
    }
}
