package io.aigw.routing.adapter.out.jtokkit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.aigw.routing.domain.TokenCounter;
import io.aigw.routing.domain.Tokenizer;
import java.util.EnumMap;
import java.util.Map;

/** Counts tokens with jtokkit's offline copies of OpenAI's encodings. */
public class JtokkitTokenCounter implements TokenCounter {

    private final Map<Tokenizer, Encoding> encodings = new EnumMap<>(Tokenizer.class);

    public JtokkitTokenCounter() {
        // loaded once at start-up, not on the first request
        EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
        encodings.put(Tokenizer.CL100K, registry.getEncoding(EncodingType.CL100K_BASE));
        encodings.put(Tokenizer.O200K, registry.getEncoding(EncodingType.O200K_BASE));
    }

    @Override
    public int count(Tokenizer tokenizer, String text) {
        return text == null || text.isEmpty() ? 0 : encodings.get(tokenizer).countTokensOrdinary(text);
    }
}
