package se.outband.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.TemplateExtension;

/**
 * Addresses of the files under /assets/ that change with their content ({@code {asset:url('outband.css')}}
 * gives {@code /assets/outband.css?v=3f2a…}). Quarkus serves them as immutable for a day: at a fixed
 * address, a browser would keep last day's stylesheet (or script) after an upgrade, against this day's
 * pages.
 */
@TemplateExtension(namespace = "asset")
public class Assets {

    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private Assets() {
    }

    static String url(String file) {
        return URLS.computeIfAbsent(file, Assets::versioned);
    }

    private static String versioned(String file) {
        String resource = "META-INF/resources/assets/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No such asset: " + resource);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            // 12 hex digits: enough that two versions of one file never share an address.
            return "/assets/" + file + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
