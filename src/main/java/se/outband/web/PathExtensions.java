package se.outband.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Ids in links: escaped for HTML by Qute, and for the address here, so "a/b" can never open another page. */
@TemplateExtension
public class PathExtensions {

    static String pathSegment(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
