package se.outband.statuspage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Serves the rendered status page to everyone, without sign-in. The same folder can be served by any
 * static host; Outband serving it is only the first of its copies.
 */
// Public on purpose: everyone reads the status page without signing in.
@jakarta.annotation.security.PermitAll
@jakarta.ws.rs.Path("/status")
public class StatusSiteResource {

    /** Short enough that an update shows within a minute, long enough to spare the server under load. */
    private static final String CACHE = "public, max-age=30";

    private final StatusSite site;

    StatusSiteResource(StatusSite site) {
        this.site = site;
    }

    @GET
    @jakarta.ws.rs.Path("/{file: .*}")
    public Response file(@PathParam("file") String file, @Context UriInfo uri) throws IOException {
        if (file.isEmpty() && !uri.getPath().endsWith("/")) {
            // Relative links in the pages need the trailing slash. The Location stays relative: JAX-RS
            // would make it absolute from the Host header, which anyone can forge (and a 301 is cached).
            return Response.status(301).header("Location", "/status/").build();
        }
        Path found = site.file(file).orElse(null);
        if (found == null) {
            return Response.status(404).type("text/plain; charset=utf-8").entity("404").build();
        }
        return Response.ok(Files.readAllBytes(found))
                .type(type(found.getFileName().toString()))
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
                .build();
    }

    private static String type(String file) {
        if (file.endsWith(".atom")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (file.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }
}
