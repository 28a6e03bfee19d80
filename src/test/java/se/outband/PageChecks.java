package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * The two checks every page Outband serves must pass, for any test that has a page to check:
 * axe-core (Deque's, bundled with its Selenium binding, never from a CDN) finds no violation of WCAG 2.1
 * A or AA in the page as the browser shows it, and the Nu Html Checker finds no error in the HTML as
 * it was served.
 *
 * <pre>
 * WebDriver browser = Browser.open(1024, 800, true);   // axe runs as a script: JavaScript on
 * PageChecks.Findings found = PageChecks.check(browser, URI.create(baseUrl + "app/"));
 * found.assertNone();
 * </pre>
 *
 * The HTML is fetched again with the browser's cookies, so a signed-in page is checked as its user gets it.
 */
public final class PageChecks {

    /** What the law asks of Swedish public sector sites (EN 301 549 points to WCAG 2.1 AA). */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Object CHECKER_LOCK = new Object();
    private static SimpleDocumentValidator checker;
    private static final List<String> checkerErrors = new ArrayList<>();

    private PageChecks() {
    }

    /** What the two checks found on one page: one line for each problem, empty lists when it passes. */
    public record Findings(String page, List<String> axe, List<String> html) {

        public boolean none() {
            return axe.isEmpty() && html.isEmpty();
        }

        public void assertNone() {
            assertEquals(List.of(), axe, page + ": axe-core found violations of WCAG 2.1 A/AA");
            assertEquals(List.of(), html, page + ": the Nu Html Checker found errors");
        }

        @Override
        public String toString() {
            return page + ": " + axe.size() + " axe violation(s), " + html.size() + " HTML error(s)"
                    + (none() ? "" : "\n  " + String.join("\n  ", axe) + (axe.isEmpty() || html.isEmpty() ? "" : "\n  ")
                            + String.join("\n  ", html));
        }
    }

    /** Opens the page in the browser, runs axe-core on it, and checks its HTML as served (with the browser's cookies). */
    public static Findings check(WebDriver browser, URI page) throws IOException, InterruptedException {
        browser.get(page.toString());
        List<String> violations = axe(browser);
        return new Findings(page.getPath(), violations, htmlErrors(fetch(browser, page)));
    }

    /** axe-core's violations of WCAG 2.1 A/AA on what the browser shows now, as "rule (impact): help — where". */
    public static List<String> axe(WebDriver browser) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not run: " + results.getErrorMessage());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — " + node.getTarget() + " "
                        + node.getHtml());
            }
        }
        return found;
    }

    /** The Nu Html Checker's errors in a whole HTML document, as "line:column: message"; warnings are not errors. */
    public static List<String> htmlErrors(String html) {
        synchronized (CHECKER_LOCK) {
            try {
                SimpleDocumentValidator validator = checker();
                checkerErrors.clear();
                validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
                return List.copyOf(checkerErrors);
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("The Nu Html Checker could not read the page", e);
            }
        }
    }

    /** Built once: reading the HTML schema takes seconds. Not thread-safe, hence the lock. */
    private static SimpleDocumentValidator checker() {
        if (checker == null) {
            ErrorHandler collect = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    checkerErrors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            };
            try {
                // No language detection (a network-free guess that only ever warns); the schema is inside the jar.
                SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
                validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
                validator.setUpValidatorAndParsers(collect, true, false);
                checker = validator;
            } catch (Exception e) {
                throw new IllegalStateException("The Nu Html Checker did not start", e);
            }
        }
        return checker;
    }

    private static String fetch(WebDriver browser, URI page) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).GET();
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
