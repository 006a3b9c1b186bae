package io.aigw.simulator.domain;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts, cuts and splits text with a real BPE tokenizer (cl100k_base), so that the usage the simulator reports
 * looks like what a provider would bill.
 */
public final class TokenCounter {

    // OpenAI's published recipe for chat models: every message costs 3 tokens of framing, a name one more,
    // and every reply is primed with 3 tokens.
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;
    private static final int REPLY_PRIMING = 3;

    private final Encoding encoding;

    public TokenCounter() {
        this(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));
    }

    TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /** Tokens of a plain text; special-token markers in user text count as ordinary text. */
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Prompt tokens of a chat request, counted the way OpenAI counts them for its chat models. */
    public int countPrompt(List<ChatMessage> messages) {
        int total = REPLY_PRIMING;
        for (ChatMessage message : messages) {
            total += TOKENS_PER_MESSAGE + count(message.role()) + count(message.content());
            if (message.name() != null) {
                total += TOKENS_PER_NAME + count(message.name());
            }
        }
        return total;
    }

    /** The longest prefix of {@code text} that has at most {@code maxTokens} tokens. */
    public Cut cut(String text, int maxTokens) {
        EncodingResult result = encoding.encodeOrdinary(text, maxTokens);
        if (!result.isTruncated()) {
            return new Cut(text, false);
        }
        return new Cut(encoding.decode(result.getTokens()), true);
    }

    /**
     * Splits a text into one piece per token, as a provider streams it. A token that ends inside a multi-byte
     * character is carried over to the next piece, so the pieces always join back to the original text.
     */
    public List<String> pieces(String text) {
        IntArrayList tokens = encoding.encodeOrdinary(text);
        List<String> pieces = new ArrayList<>(tokens.size());
        ByteArrayOutputStream carry = new ByteArrayOutputStream();
        IntArrayList single = new IntArrayList(1);
        for (int i = 0; i < tokens.size(); i++) {
            single.clear();
            single.add(tokens.get(i));
            carry.writeBytes(encoding.decodeBytes(single));
            String complete = strictUtf8(carry.toByteArray());
            if (complete != null) {
                pieces.add(complete);
                carry.reset();
            }
        }
        if (carry.size() > 0) {
            pieces.add(carry.toString(StandardCharsets.UTF_8));
        }
        return pieces;
    }

    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException incomplete) {
            return null;
        }
    }

    /**
     * A text cut to a token budget.
     *
     * @param text      the kept prefix
     * @param truncated whether anything was cut off
     */
    public record Cut(String text, boolean truncated) {}
}
