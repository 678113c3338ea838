package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.program.Program;

/**
 * Opens a folder in the desktop's file manager. Without a desktop (a bare X server, a remote session)
 * there is nothing to open it with; then it says so instead of failing.
 */
public final class FolderOpener {

    private FolderOpener() {
    }

    /** {@code true} when a desktop session is there to open folders. */
    public static boolean desktopPresent() {
        return !blank(System.getenv("XDG_CURRENT_DESKTOP")) || !blank(System.getenv("DESKTOP_SESSION"));
    }

    /** Opens {@code folder}; {@code false} when no desktop or no program could take it. */
    public static boolean open(Path folder) {
        if (!desktopPresent() || !Files.isDirectory(folder)) {
            return false;
        }
        if (Program.launch(folder.toString())) {
            return true;
        }
        try {
            new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
