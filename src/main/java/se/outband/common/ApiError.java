package se.outband.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer: a sentence a non-developer can act on, and optional details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, Object details) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
