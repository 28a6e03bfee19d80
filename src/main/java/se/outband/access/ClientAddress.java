package se.outband.access;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from. Behind a reverse proxy this is the client's address only when the
 * proxy is listed in {@code quarkus.http.proxy.trusted-proxies}; otherwise X-Forwarded-For is ignored,
 * so a client cannot claim another address to escape the sign-in throttle.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
