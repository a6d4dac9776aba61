package org.voxseg.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigJson;
import org.voxseg.core.loss.LossConfig;

/**
 * The README, CONTRIBUTING.md and docs/ stay true to the repository: every relative link reaches a file and, with an
 * anchor, a heading of it; every file docs/extending.md names exists; and the losses the config reference lists are
 * the names the config accepts. Tests run in the module's folder, so the repository is {@code ..}.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Pattern NAMED_FILE = Pattern.compile("`([^`\\s]+\\.(?:java|md|py|xml))`");

    /** README.md, CONTRIBUTING.md and every page in docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page's lines outside fenced code blocks. */
    private static List<String> prose(Path page) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** GitHub's anchor of a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        for (char c : heading.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == ' ') {
                anchor.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.append(c);
            }
        }
        return anchor.toString();
    }

    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(anchor(heading.group(1)));
            }
        }
        return anchors;
    }

    /** What is wrong with the relative links of {@code page}, one line each. */
    static List<String> brokenLinks(Path page) throws IOException {
        List<String> problems = new ArrayList<>();
        String name = page.normalize().toString();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll("``"));
            while (link.find()) {
                String target = link.group(1);
                if (SCHEME.matcher(target).matches()) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    problems.add(name + ": " + target + ": no such file");
                } else if (hash >= 0) {
                    String anchor = target.substring(hash + 1);
                    if (!resolved.toString().endsWith(".md") || !anchors(resolved).contains(anchor)) {
                        problems.add(name + ": " + target + ": no heading #" + anchor);
                    }
                }
            }
        }
        return problems;
    }

    @Test
    void everyRelativeLinkReachesAFileAndItsHeading() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            problems.addAll(brokenLinks(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aBrokenLinkIsFound(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "# A page\n\n[there](page.md#a-page), [gone](gone.md), [nowhere](#elsewhere)\n"
                + "```\n[in code](ignored.md)\n```\n");

        assertEquals(List.of("gone.md: no such file", "#elsewhere: no heading #elsewhere"),
                brokenLinks(page).stream().map(p -> p.substring(p.indexOf(": ") + 2)).toList());
    }

    @Test
    void githubAnchorsDropPunctuationAndKeepHyphens() {
        assertEquals("config-voxseg-train---config", anchor("Config (`voxseg train --config`)"));
        assertEquals("the-networks-weights-and-operations-djl-lacks",
                anchor("The network's weights, and operations DJL lacks"));
    }

    @Test
    void everyFileTheExtendingRecipesNameExists() throws IOException {
        Set<String> fileNames;
        try (Stream<Path> files = Files.walk(ROOT)) {
            fileNames = files.filter(p -> Arrays.stream(ROOT.relativize(p).toString().split("/"))
                    .noneMatch(part -> part.equals("target") || part.startsWith(".") && part.length() > 1))
                    .filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> named = new ArrayList<>();
        for (String line : prose(ROOT.resolve("docs/extending.md"))) {
            Matcher file = NAMED_FILE.matcher(line);
            while (file.find()) {
                named.add(file.group(1));
            }
        }
        assertFalse(named.isEmpty(), "docs/extending.md names files");
        List<String> missing = new ArrayList<>();
        for (String file : named) {
            if (file.contains("<")) {
                continue; // a file the recipe creates, e.g. <Name>Loss.java
            }
            boolean exists = file.contains("/") ? Files.isRegularFile(ROOT.resolve(file)) : fileNames.contains(file);
            if (!exists) {
                missing.add(file);
            }
        }
        assertEquals(List.of(), missing, "files docs/extending.md names that do not exist");
    }

    @Test
    void theConfigReferenceListsExactlyTheLossNamesTheConfigAccepts() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("docs/config.md")).stream()
                .filter(line -> line.startsWith("| `loss.name` |")).toList();
        assertEquals(1, rows.size(), "docs/config.md has one loss.name row");
        String[] cells = rows.get(0).split("\\|");
        Set<String> listed = Arrays.stream(cells[3].split("/")).map(String::strip).collect(
                Collectors.toCollection(TreeSet::new));
        for (String name : listed) {
            ConfigJson.parse("{\"name\": \"" + name + "\"}", LossConfig.class); // refuses a name it does not accept
        }
        assertEquals(new TreeSet<>(LossConfig.NAMES), listed);
    }
}
