package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem detail, as every error of the admin and internal APIs is answered.
 *
 * @param type a stable URN naming the kind of problem ({@code urn:aigw:billing:problem:…})
 * @param title a short summary of the type, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param field the request field at fault, for {@code invalid-input}; else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "field"})
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty("field") String field) {}
