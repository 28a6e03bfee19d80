package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** The checks find what they are there to find: a test that passes because axe never ran would prove nothing. */
class PageChecksTest {

    private static final String GOOD = """
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><title>Bra sida</title></head>
            <body><main><h1>Rubrik</h1><p>Text <span lang="en">in English</span>.</p></main></body></html>
            """;

    private static final String BAD = """
            <html><body><main><img src="x.png"><p style="color:#ccc;background:#fff">Svag text</p>
            <a href="a.html"></a><div><p>Stängs aldrig</div></main></body></html>
            """;

    @Test
    void axeFindsWcagViolationsAndTheCheckerFindsHtmlErrors() throws Exception {
        assertEquals(List.of(), PageChecks.htmlErrors(GOOD));
        List<String> errors = PageChecks.htmlErrors(BAD);
        assertTrue(errors.stream().anyMatch(e -> e.contains("doctype")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("alt")), errors::toString);

        Path folder = Files.createTempDirectory("page-checks");
        WebDriver browser = Browser.open(1024, 800, true);
        try {
            browser.get(Files.writeString(folder.resolve("good.html"), GOOD).toUri().toString());
            assertEquals(List.of(), PageChecks.axe(browser));
            browser.get(Files.writeString(folder.resolve("bad.html"), BAD).toUri().toString());
            List<String> violations = PageChecks.axe(browser);
            for (String rule : List.of("html-has-lang", "document-title", "image-alt", "color-contrast", "link-name")) {
                assertTrue(violations.stream().anyMatch(v -> v.startsWith(rule + " ")), rule + " in " + violations);
            }
        } finally {
            browser.quit();
        }
    }
}
