package io.aigw.bench.routing.domain;

/** Which of the two recorded models a catalog model plays. */
public enum ModelRole {
    WEAK,
    STRONG
}
