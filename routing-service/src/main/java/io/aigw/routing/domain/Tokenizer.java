package io.aigw.routing.domain;

import java.util.Locale;

/** The byte-pair encodings that model families use, for estimating tokens before a call. */
public enum Tokenizer {
    /** GPT-3.5/GPT-4 and, as the closest public approximation, most other families. */
    CL100K,
    /** GPT-4o, GPT-4.1, o-series and GPT-5. */
    O200K;

    /** The encoding that fits a model family, judged by its upstream name. */
    public static Tokenizer forModel(String upstreamModel) {
        String name = upstreamModel.toLowerCase(Locale.ROOT);
        boolean o200k = name.startsWith("gpt-4o")
                || name.startsWith("gpt-4.1")
                || name.startsWith("gpt-5")
                || name.startsWith("chatgpt-4o")
                || isOSeries(name);
        return o200k ? O200K : CL100K;
    }

    /** {@code o1}, {@code o3-mini}, …: checked by hand, since this runs per deployment of every request. */
    private static boolean isOSeries(String name) {
        return name.length() > 1 && name.charAt(0) == 'o' && Character.isDigit(name.charAt(1));
    }
}
