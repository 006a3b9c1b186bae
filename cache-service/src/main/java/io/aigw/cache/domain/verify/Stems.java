package io.aigw.cache.domain.verify;

/** A light suffix stripper: enough to match "repaired"/"repair" and "dictionaries"/"dictionary". */
final class Stems {

    private Stems() {}

    private static final java.util.Map<String, String> IRREGULAR = irregular("bought buy wrote write written write"
            + " made make gave give given give took take taken take ran run went go gone go got get gotten get"
            + " sent send paid pay said say found find thought think told tell knew know known know began begin"
            + " begun begin chose choose chosen choose broke break broken break spent spend lost lose sold sell"
            + " built build kept keep left leave meant mean grew grow drew draw drove drive ate eat fell fall felt"
            + " feel held hold met meet stood stand understood understand children child men man women woman"
            + " people person feet foot teeth tooth mice mouse");

    static String of(String word) {
        String w = IRREGULAR.getOrDefault(word, word);
        if (!w.equals(word)) {
            return of(w);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4
                && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 6 && w.endsWith("est")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 5 && w.endsWith("ly")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        // doubled consonant left by -ing/-ed ("stopped", "running")
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgmnprt".indexOf(w.charAt(n - 1)) >= 0) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    private static java.util.Map<String, String> irregular(String pairs) {
        String[] items = pairs.split(" ");
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < items.length; i += 2) {
            map.put(items[i], items[i + 1]);
        }
        return java.util.Map.copyOf(map);
    }
}
