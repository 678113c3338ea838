import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Lists every test the last build skipped, with its reason, from the surefire reports under
 * {@code bundles/}. With {@code --strict} (CI), a skip fails the run unless its reason is a permission the
 * machine's kernel withholds: a CI run must never go green while tests silently did not run.
 * Run as {@code java releng/scripts/SkippedTests.java [--strict]} from the repository's top.
 */
public class SkippedTests {

    /** Reasons a test may skip even in CI: the kernel, not the machine's set-up, says no. */
    private static final Pattern WITHHELD = Pattern.compile("ptrace not permitted|kernel withholds",
            Pattern.CASE_INSENSITIVE);

    record Skip(String test, String reason) {
    }

    public static void main(String[] args) throws Exception {
        boolean strict = List.of(args).contains("--strict");
        List<Skip> skips = new ArrayList<>();
        try (Stream<Path> reports = Files.find(Path.of("bundles"), 4,
                (p, a) -> p.getFileName().toString().matches("TEST-.*\\.xml")
                        && p.getParent().getFileName().toString().equals("surefire-reports"))) {
            for (Path report : reports.sorted().toList()) {
                skips.addAll(skipsIn(report));
            }
        }
        if (skips.isEmpty()) {
            System.out.println("Skipped tests: none.");
            return;
        }
        int unexplained = 0;
        System.out.println("Skipped tests (" + skips.size() + "):");
        for (Skip skip : skips) {
            boolean allowed = WITHHELD.matcher(skip.reason()).find();
            unexplained += allowed ? 0 : 1;
            System.out.println("  " + (allowed ? "  " : "! ") + skip.test() + ": " + skip.reason());
        }
        if (strict && unexplained > 0) {
            System.out.println(unexplained + " test(s) skipped for a reason other than a permission the kernel"
                    + " withholds (marked !): the machine lacks something the scripts should install.");
            System.exit(1);
        }
    }

    private static List<Skip> skipsIn(Path report) throws IOException {
        List<Skip> out = new ArrayList<>();
        try {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                NodeList skipped = testCase.getElementsByTagName("skipped");
                if (skipped.getLength() > 0) {
                    String reason = ((Element) skipped.item(0)).getAttribute("message");
                    out.add(new Skip(testCase.getAttribute("classname") + "." + testCase.getAttribute("name"),
                            reason.isBlank() ? "(no reason given)" : reason.strip()));
                }
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            out.add(new Skip(report.toString(), "unreadable report: " + e.getMessage()));
        }
        return out;
    }
}
