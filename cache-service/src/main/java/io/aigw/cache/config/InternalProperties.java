package io.aigw.cache.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The credential internal calls carry ({@code aigw.internal.*}).
 *
 * @param token shared by the gateway and the internal services; set {@code AIGW_INTERNAL_TOKEN}. No
 *     default: a cache that would serve and wipe anyone's entries must not start.
 */
@Validated
@ConfigurationProperties("aigw.internal")
public record InternalProperties(@NotBlank(message = "set AIGW_INTERNAL_TOKEN (aigw.internal.token)") String token) {

    @Override
    public String toString() {
        return "InternalProperties[token=****]";
    }
}
