package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;

import io.smallrye.config.ConfigMapping;
import se.outband.common.MappingProperties;

/**
 * The documentation tells the truth about the code and about itself: every configuration key is in
 * docs/configuration.md, no link leads nowhere, and the README stays short and starts with the two
 * set-up commands. A plain test: it reads the build's classes and the Markdown files, no Quarkus.
 */
public class DocumentationTest {

    private static final Path CONFIGURATION = Path.of("docs", "configuration.md");
    private static final Path README = Path.of("README.md");
    private static final int README_MAX_LINES = 200;

    /** Keys the code reads that are known to exist, so a broken derivation cannot pass by finding nothing. */
    private static final List<String> KNOWN_KEYS = List.of("outband.public-url", "outband.data-dir",
            "outband.sms.twilio.api-url", "outband.sms.46elks.webhook-secret", "outband.sms.retry.give-up-after",
            "outband.mail.smtp.reply-to", "outband.status.contact.hotline", "outband.restore.private-key",
            "outband.database.kind", "outband.outbox.lease");

    // ---------------------------------------------------------------------------------------------
    // a. Every configuration key is documented
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyConfigurationKeyIsDocumented() throws IOException {
        Map<String, String> keys = configurationKeys();
        String documentation = read(CONFIGURATION);

        List<String> missing = keys.keySet().stream()
                .filter(key -> !documentation.contains("`" + key + "`"))
                .map(key -> key + " (" + keys.get(key) + ")")
                .toList();
        assertEquals(List.of(), missing, "keys of @ConfigMapping interfaces that " + CONFIGURATION
                + " does not name in backticks: add a row for each");
    }

    /** Each key has exactly one row, and no row names a key the code does not have (a renamed or removed one). */
    @Test
    void theConfigurationTablesListEachKeyOnceAndNoOtherKey() throws IOException {
        Set<String> keys = configurationKeys().keySet();
        Map<String, Integer> rows = new TreeMap<>();
        Pattern row = Pattern.compile("^\\|\\s*`(outband\\.[^`]+)`\\s*\\|");
        for (String line : read(CONFIGURATION).split("\n")) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                rows.merge(m.group(1), 1, Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        rows.forEach((key, times) -> {
            if (times > 1) {
                problems.add(key + ": " + times + " rows, one is enough");
            }
            if (!keys.contains(key)) {
                problems.add(key + ": a row, but no @ConfigMapping has this key (renamed or removed?)");
            }
        });
        keys.stream().filter(key -> !rows.containsKey(key)).forEach(key -> problems.add(key + ": no row of its own"));
        assertEquals(List.of(), problems, "the tables of " + CONFIGURATION);
    }

    /** Each key with the mapping interface it belongs to, sorted; asserted not to be vacuous. */
    static Map<String, String> configurationKeys() {
        List<JavaClass> mappings = ArchitectureTest.OUTBAND.stream()
                .filter(type -> type.isInterface() && type.isAnnotatedWith(ConfigMapping.class))
                .toList();
        assertTrue(mappings.size() >= 10, "expected at least 10 @ConfigMapping interfaces in target/classes, found "
                + mappings.stream().map(JavaClass::getName).toList() + ": is the project compiled?");

        Map<String, String> keys = new TreeMap<>();
        for (JavaClass mapping : mappings) {
            MappingProperties.keys(load(mapping)).forEach(key -> keys.put(key, mapping.getSimpleName()));
        }
        assertTrue(keys.size() >= 40, "expected at least 40 configuration keys, found " + keys.keySet());
        assertTrue(keys.keySet().containsAll(KNOWN_KEYS), "known keys missing from " + keys.keySet());
        return keys;
    }

    /**
     * By this test's class loader, the one MappingProperties reads the annotations with: in a JVM that also
     * ran Quarkus tests, ArchUnit's {@code reflect()} may load the interface with Quarkus's loader instead.
     */
    private static Class<?> load(JavaClass mapping) {
        try {
            return Class.forName(mapping.getName(), false, DocumentationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(mapping.getName() + " is in target/classes but cannot be loaded", e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // b. No link leads nowhere
    // ---------------------------------------------------------------------------------------------

    /** [text](target) outside code: the target is group 1. Images (![alt](src)) are links too. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 8, "expected README.md and the docs pages, found " + pages);
        List<String> dead = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            for (String target : links(read(page))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like: not checked here
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + ": " + target + " (no file " + file + ")");
                    continue;
                }
                if (anchor != null && resolved.toString().endsWith(".md") && !anchors(read(resolved)).contains(anchor)) {
                    dead.add(page + ": " + target + " (no heading #" + anchor + " in " + file + "; there are "
                            + anchors(read(resolved)) + ")");
                }
            }
        }
        assertTrue(links >= 30, "expected the pages to link to each other, found " + links + " relative links");
        assertEquals(List.of(), dead, "links to a file or heading that does not exist");
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals(List.of("set-up", "the-web-ui-app", "a-second-sms-provider-46elks-with-failover",
                "outbandsmstwilio", "läget-just-nu", "snake_case-and-hyphen-ated", "twice", "twice-1"),
                List.copyOf(anchors("""
                        # Set up
                        ## The web UI (`/app/`)
                        ```
                        # not a heading
                        ```
                        ### A second SMS provider: 46elks, with failover
                        ## `outband.sms.twilio`
                        ## Läget just nu
                        ## snake_case and hyphen-ated
                        ## Twice
                        ## Twice
                        """)));
    }

    /** README.md and every page under docs/, plus the READMEs beside the example list and the deployment files. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, Path.of("deploy", "README.md"), Path.of("contacts", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The targets of the page's links (whose text may run over lines), leaving out fenced code blocks and `code spans`. */
    static List<String> links(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(line).append('\n');
            }
        }
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(prose.toString().replaceAll("`[^`]*`", "``"));
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    @Test
    void linksAreFoundOutsideCodeAndOverLineBreaks() {
        assertEquals(List.of("running.md#several-instances-on-postgresql", "../deploy/README.md", "https://example.org"),
                links("""
                        see [Several
                        instances on PostgreSQL](running.md#several-instances-on-postgresql) and `[not](a-link.md)`
                        ```
                        [not a link either](nowhere.md)
                        ```
                        [deploy/README.md](../deploy/README.md), [web](https://example.org)
                        """));
    }

    /**
     * The anchors GitHub gives the page's headings: the heading's text without Markdown, lower case,
     * every character but letters (å, ä and ö too), digits, spaces, hyphens and underscores removed,
     * spaces turned into hyphens; a repeated one gets -1, -2, ….
     */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String text = m.group(2)
                    .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link or image: its text
                    .replaceAll("<[^>]+>", "");                        // inline HTML
            String anchor = text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                    .replace(' ', '-');
            int times = seen.merge(anchor, 1, Integer::sum);
            anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
        }
        return anchors;
    }

    // ---------------------------------------------------------------------------------------------
    // c. The README a newcomer reads
    // ---------------------------------------------------------------------------------------------

    @Test
    void theReadmeIsShortAndStartsWithTheTwoSetUpCommands() throws IOException {
        String readme = read(README);
        long lines = readme.lines().count();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; at most " + README_MAX_LINES
                + ": move what is not for a newcomer into docs/");

        List<String> blocks = codeBlocks(readme);
        assertTrue(blocks.size() >= 2, "README.md should start with two code blocks, found " + blocks);
        assertTrue(blocks.get(0).contains("target/quarkus-app/outband") && blocks.get(0).lines().count() == 1,
                "the first code block should be the one command that builds and starts Outband (target/quarkus-app/outband), found: "
                        + blocks.get(0));
        assertEquals("./mvnw verify", blocks.get(1),
                "the second code block should be exactly the test command CI runs (.ci/run)");
    }

    /** Fenced code blocks in order, each as its lines joined, stripped of the indentation of a list item. */
    static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n")) {
            if (line.strip().startsWith("```")) {
                if (current == null) {
                    current = new ArrayList<>();
                } else {
                    blocks.add(current.stream().map(String::strip).collect(Collectors.joining("\n")).strip());
                    current = null;
                }
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
