package io.aigw.routing.domain;

/** Counts the tokens of a text in a given encoding. */
public interface TokenCounter {

    int count(Tokenizer tokenizer, String text);
}
