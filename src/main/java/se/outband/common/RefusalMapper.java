package se.outband.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The API's answer to a refusal: its status and the documented {error, details} body, in the caller's language. */
public class RefusalMapper {

    @Inject
    CallerLanguage language;

    @ServerExceptionMapper
    public Response refused(Refused refused) {
        return json(refused, language.get());
    }

    /** The API's answer; the web UI answers the same refusal with a page. */
    public static Response json(Refused refused, Language language) {
        return Response.status(refused.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(refused.sentence(language), refused.refusal().details()))
                .build();
    }
}
