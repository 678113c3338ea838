package org.vmatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The built product started by a user other than its installer ({@code releng/scripts/other-user.sh}):
 * from a root-owned read-only copy, as {@code nobody}, headless and under Xvfb. Needs the product
 * folder (built after this fragment in the reactor, so a previous build's), root and {@code setpriv};
 * without them the test says which is missing and is skipped.
 */
class OtherUserTest {

    @Test
    void aReadOnlyInstallationRunsAsNobody() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("releng/scripts/other-user.sh"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "releng/scripts/other-user.sh is not above " + Path.of("").toAbsolutePath());
        Path product = root.resolve("releng/org.vmatlas.product/target/products/org.vmatlas.product/linux/gtk/x86_64/vmatlas");
        assumeTrue(Files.isExecutable(product.resolve("vmatlas")), "no built product at " + product
                + " (./mvnw -o -B -ntp verify -DskipTests builds it; the next test run uses it)");
        Process script = new ProcessBuilder(root.resolve("releng/scripts/other-user.sh").toString(), product.toString())
                .redirectErrorStream(true).start();
        boolean ended = script.waitFor(300, TimeUnit.SECONDS);
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            script.destroyForcibly();
        }
        assertTrue(ended, "other-user.sh ended within 300 s:\n" + output);
        System.out.println(output);
        if (script.exitValue() == 77) {
            abort(output.strip());
        }
        assertEquals(0, script.exitValue(), output);
    }
}
