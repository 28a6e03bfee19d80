package se.outband.common;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Every request body is bounded in size and in time before anything reads it, anonymous or not. A body
 * larger than its route takes is refused at once from its Content-Length (413); one whose length is not
 * said is refused too (411), except uploads, which Quarkus bounds while it reads them; and a connection
 * whose body has not arrived by its deadline is closed. Otherwise a few hundred connections that send a
 * byte every few seconds each hold a worker thread (Quarkus reads a body larger than its input buffer
 * with blocking reads) until nothing else can be answered.
 */
@Singleton
public class RequestLimits {

    /** Before HttpHardening (1000) and before authentication: a body is bounded whoever sends it. */
    private static final int PRIORITY = 1100;
    /**
     * A form from the web UI or a provider's webhook: a bulletin of 1,600 characters with å, ä and ö is
     * about 10 KB as a form field. Quarkus reads bodies up to this size without blocking a thread
     * (quarkus.rest.input-buffer-size).
     */
    static final long FORM = 64 * 1024;
    /** A JSON request of the API: 5,000 contact ids of a bulletin fit many times over. */
    static final long API = 1024 * 1024;

    private final Vertx vertx;
    private final HttpConfig config;

    RequestLimits(Vertx vertx, HttpConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!chunked && (length == null || "0".equals(length.strip()))) {
            context.next();
            return;
        }
        String path = request.path().toLowerCase(Locale.ROOT);
        boolean upload = upload(path) && signedIn(request);
        if (!upload) {
            long limit = path.startsWith("/api") ? API : FORM;
            if (chunked) {
                refuse(context, 411, Language.of(context).messages(CommonMessages.class).lengthRequired());
                return;
            }
            if (tooLong(length, limit)) {
                refuse(context, 413, Language.of(context).messages(CommonMessages.class).bodyTooLarge(limit / 1024));
                return;
            }
        }
        long deadline = vertx.setTimer((upload ? config.uploadDeadline() : config.bodyDeadline()).toMillis(), timer -> {
            if (!request.isEnded()) {
                request.connection().close();
            }
        });
        context.addEndHandler(ended -> vertx.cancelTimer(deadline));
        if (upload || !(context instanceof RoutingContextInternal whole)) {
            context.next();
            return;
        }
        // The whole body, bounded above, is taken in as it arrives and handed on in memory: Quarkus reads a form
        // for a blocking endpoint with blocking reads otherwise, one worker thread held per form still arriving.
        Buffer body = Buffer.buffer();
        request.handler(body::appendBuffer);
        request.exceptionHandler(failure -> {
            // A connection its client dropped, or that its deadline closed, has nobody left to answer; logging
            // each as a failed request would let a flood of them fill the log.
            if (!(failure instanceof HttpClosedException)) {
                context.fail(failure);
            }
        });
        request.endHandler(ended -> {
            whole.setBody(body);
            context.next();
        });
        // Vert.x holds a body back until a handler asks for it, as this one now does.
        request.resume();
    }

    /** The contact list's CSV, by the API or the web UI's form: the only large bodies. */
    private static boolean upload(String path) {
        return path.equals("/api/contacts/import") || path.equals("/app/contacts/import/preview");
    }

    /** An anonymous upload is refused by sign-in anyway: it gets no more time than any other body. */
    private static boolean signedIn(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.COOKIE) != null;
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * The connection goes too, once the answer is out: what the client goes on sending is never read. (A
     * request is a connection of its own: HTTP/2 is off, see application.properties.)
     */
    public static void refuse(RoutingContext context, int status, String why) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject().put("error", why).encode())
                .onComplete(sent -> context.request().connection().close());
    }
}
