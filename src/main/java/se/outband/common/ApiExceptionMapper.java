package se.outband.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refusals into the documented {error, details} body. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response toResponse(ApiException e) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(e.getMessage(), e.details()))
                .build();
    }
}
