package se.outband.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateExtension;
import se.outband.continuity.CallList;

/** Ids in links: escaped for HTML by Qute, and for the address here, so "a/b" can never open another page. */
@TemplateExtension
public class PathExtensions {

    static String pathSegment(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "?group=…&unit=…" that picks the same people again (as a page or as vCards); "" for everyone. */
    static String query(CallList list) {
        String query = Stream.of(list.group() == null ? null : "group=" + pathSegment(list.group()),
                list.unit() == null ? null : "unit=" + pathSegment(list.unit()))
                .filter(Objects::nonNull).collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }
}
