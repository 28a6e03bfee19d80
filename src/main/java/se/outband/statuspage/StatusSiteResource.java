package se.outband.statuspage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
    /** The site's own policy, plus its one script (subscribe.js), which may ask Outband whether it answers. */
    private static final String POLICY = NoSuchPage.POLICY + "; script-src 'self'; connect-src 'self'";

    private final SiteFolders site;
    private final NoSuchPage noSuchPage;

    StatusSiteResource(SiteFolders site, NoSuchPage noSuchPage) {
        this.site = site;
        this.noSuchPage = noSuchPage;
    }

    @GET
    @jakarta.ws.rs.Path("/{file: .*}")
    public Response file(@PathParam("file") String file, @Context UriInfo uri) throws IOException {
        boolean slash = uri.getPath().endsWith("/");
        if (slash && !file.isEmpty() && site.folder(file).isEmpty()) {
            // A file is not a folder (the path parameter comes without the slash): served as one, its
            // relative links would lead nowhere.
            return noSuchPage.response();
        }
        if (!slash) {
            // A folder without its slash (/status, /status/en) is sent to the slash form: served as it is,
            // the page's relative links would resolve one folder too high, onto addresses that are not
            // the status page. The Location stays relative: JAX-RS would make it absolute from the Host
            // header, which anyone can forge (and a 301 is cached). It is built from the folder found, not
            // from the request.
            Optional<String> folder = file.isEmpty() ? Optional.of("") : site.folder(file);
            if (folder.isPresent()) {
                return Response.status(301).header("Location", "/status/" + folder.get() + (folder.get().isEmpty() ? "" : "/")).build();
            }
        }
        Path found = site.file(file).orElse(null);
        if (found == null) {
            return noSuchPage.response();
        }
        return Response.ok(Files.readAllBytes(found))
                .type(type(found.getFileName().toString()))
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .build();
    }

    private static String type(String file) {
        if (file.endsWith(".atom")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (file.equals("cap.xml")) {
            return "application/atom+xml; charset=utf-8";
        }
        if (file.endsWith(".xml")) {
            return "application/cap+xml; charset=utf-8";
        }
        if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }
}
