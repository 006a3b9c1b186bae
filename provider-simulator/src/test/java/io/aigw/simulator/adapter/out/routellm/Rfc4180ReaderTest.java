package io.aigw.simulator.adapter.out.routellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc4180ReaderTest {

    @Test
    void shouldReadQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() {
        Rfc4180Reader reader = new Rfc4180Reader(
                new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"line 1\r\nline 2\",\"say \"\"hi\"\"\"\nlast,,\n"));

        assertThat(reader.next()).containsExactly("a", "b", "c");
        assertThat(reader.next()).containsExactly("x, y", "line 1\r\nline 2", "say \"hi\"");
        assertThat(reader.next()).containsExactly("last", "", "");
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldReadALastRecordWithoutLineBreak() {
        Rfc4180Reader reader = new Rfc4180Reader(new StringReader("a,\"b\""));

        assertThat(reader.next()).isEqualTo(List.of("a", "b"));
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldRejectAnUnterminatedQuote() {
        assertThatThrownBy(() -> new Rfc4180Reader(new StringReader("\"open")).next())
                .hasMessageContaining("quoted");
    }
}
