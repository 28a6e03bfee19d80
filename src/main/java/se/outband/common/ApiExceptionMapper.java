package se.outband.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refusals into the documented {error, details} body. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response toResponse(ApiException e) {
        return json(e);
    }

    /** The API's answer; the web UI answers the same refusal with a page. */
    public static Response json(ApiException e) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.getMessage(), e.details()))
                .build();
    }
}
