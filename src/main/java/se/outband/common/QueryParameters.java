package se.outband.common;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

/**
 * For requests that change or delete a lot: a misspelt parameter ({@code dryrun=true}) must not be
 * silently ignored and the request carried out for real. Unknown or repeated parameters are a 400
 * that changes nothing.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void requireOnly(UriInfo uri, String... known) {
        Set<String> allowed = Set.of(known);
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw new Refused(new CommonRefusal.UnknownParameter(Text.clip(parameter.getKey(), 41), String.join(", ", known)));
            }
            if (parameter.getValue().size() > 1) {
                throw new Refused(new CommonRefusal.RepeatedParameter(parameter.getKey()));
            }
        }
    }
}
