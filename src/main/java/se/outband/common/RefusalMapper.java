package se.outband.common;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/** The API's answer to a refusal: its status and the documented {error, details} body, in the caller's language. */
public class RefusalMapper {

    @Inject
    CallerLanguage language;

    @ServerExceptionMapper
    public Response refused(Refused refused) {
        return json(refused, language.get());
    }

    /** A request record or parameter whose shape is wrong, caught by Bean Validation in a service or a resource. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException invalid) {
        return json(invalid);
    }

    /** The same from a resource method's own validation, which Quarkus would otherwise answer in its own shape. */
    @ServerExceptionMapper
    public Response invalidParameters(ResteasyReactiveViolationException invalid) {
        return invalid(invalid);
    }

    /** The API's answer; the web UI answers the same refusal with a page. */
    public static Response json(Refused refused, Language language) {
        return json(refused.status(), refused.sentence(language), refused.refusal().details());
    }

    /** The API's answer to a request of the wrong shape; the web UI answers it beside its form or with a page. */
    public static Response json(ConstraintViolationException invalid) {
        return json(400, Violations.sentence(invalid), null);
    }

    private static Response json(int status, String sentence, Object details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(sentence, details)).build();
    }
}
