package se.outband.common;

import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Gives the framework's own refusals (404, 403, unreadable JSON…) the same plain-language body as ours. */
public class FrameworkErrorMapper {

    private static final Logger LOG = Logger.getLogger(FrameworkErrorMapper.class);

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return forbidden(headers);
    }

    /** The API's answer to a missing role; the web UI answers the same refusal with a page. */
    public static Response forbidden(HttpHeaders headers) {
        return error(403, Language.of(headers).messages(CommonMessages.class).forbidden());
    }

    /** The API's answer to an address it does not have; the web UI and the public get a page. */
    public static Response notFound(HttpHeaders headers) {
        return error(404, Language.of(headers).messages(CommonMessages.class).notFound());
    }

    @ServerExceptionMapper
    public Response notYesOrNo(YesNo.NotYesOrNo e, HttpHeaders headers) {
        return error(400, Language.of(headers).messages(CommonMessages.class).notYesOrNo(e.value()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return error(401, Language.of(headers).messages(CommonMessages.class).unauthorized());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers) {
        return error(400, Language.of(headers).messages(CommonMessages.class).badRequest(e.getOriginalMessage()));
    }

    /**
     * A value of the wrong type, said by the field's name: Jackson's own words name Outband's classes, and
     * Quarkus's own mapper for it answers an empty 400.
     */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpHeaders headers) {
        CommonMessages messages = Language.of(headers).messages(CommonMessages.class);
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return error(400, field.isEmpty() ? messages.wrongBody() : messages.wrongType(Text.clip(Text.oneLine(field), 100)));
    }

    /**
     * The database refused a change because another came first: a name taken, a row removed meanwhile,
     * by another request or another instance. The check before the change passed for both; the
     * constraint decides, and the loser is told so. Anything else stays a logged 500.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpHeaders headers) {
        return conflictOrFailure(e, headers);
    }

    /** The same refusal, met at commit. */
    @ServerExceptionMapper
    public Response rollback(ArcUndeclaredThrowableException e, HttpHeaders headers) {
        return conflictOrFailure(e, headers);
    }

    private static Response conflictOrFailure(Throwable thrown, HttpHeaders headers) {
        CommonMessages messages = Language.of(headers).messages(CommonMessages.class);
        for (Throwable e = thrown; e != null; e = e.getCause()) {
            if (e instanceof ConstraintViolationException) {
                return error(409, messages.changedMeanwhile());
            }
        }
        LOG.error("Request failed", thrown);
        return error(500, messages.internalError());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        return json(e, headers);
    }

    /** The API's JSON for what the framework refused (an unknown address, a method the address does not take, …). */
    public static Response json(WebApplicationException e, HttpHeaders headers) {
        CommonMessages messages = Language.of(headers).messages(CommonMessages.class);
        int status = e.getResponse().getStatus();
        String text = switch (status) {
            case 404 -> messages.notFound();
            case 403 -> messages.forbidden();
            case 401 -> messages.unauthorized();
            default -> status >= 500 ? messages.internalError() : messages.badRequest(e.getMessage());
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return error(status, text);
    }

    private static Response error(int status, String text) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(text)).build();
    }
}
