package io.aigw.billing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential internal calls carry ({@code aigw.internal.*}, ADR 0003).
 *
 * @param token shared by the gateway and the internal services ({@code AIGW_INTERNAL_TOKEN}). Unlike
 *     routing, billing starts without it, because it must start with no configuration at all; its
 *     internal API then refuses every call (fail closed).
 */
@ConfigurationProperties("aigw.internal")
public record InternalProperties(@DefaultValue("") String token) {

    @Override
    public String toString() {
        return "InternalProperties[token=****]";
    }
}
