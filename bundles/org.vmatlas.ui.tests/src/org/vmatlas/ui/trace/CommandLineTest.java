package org.vmatlas.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Trace program dialog's command line, split into words as a shell would, without expansion. */
class CommandLineTest {

    @Test
    void quotesAndBackslashesKeepSpaces() {
        assertEquals(List.of("/usr/bin/python3", "-c", "import threading; print('x y')"),
                CommandLine.words("/usr/bin/python3 -c \"import threading; print('x y')\""));
        assertEquals(List.of("ls", "-l", "a b", ""), CommandLine.words("  ls -l a\\ b ''  "));
        assertEquals(List.of(), CommandLine.words("   "));
    }
}
