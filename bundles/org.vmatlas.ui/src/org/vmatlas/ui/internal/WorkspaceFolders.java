package org.vmatlas.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the workspace's metadata where vmatlas keeps what it makes (spilled timelines, built programs). */
public final class WorkspaceFolders {

    private WorkspaceFolders() {
    }

    /**
     * {@code .metadata/.plugins/PLUGIN/FOLDER} of the workspace at {@code instanceArea} (the launcher's
     * {@code osgi.instance.area}, a {@code file:} URL), or {@code null} when there is no writable workspace.
     */
    public static Path of(String instanceArea, String plugin, String folder) {
        if (instanceArea == null || !instanceArea.startsWith("file:")) {
            return null;
        }
        Path workspace = Path.of(instanceArea.substring("file:".length()));
        if (!Files.isDirectory(workspace) || !Files.isWritable(workspace)) {
            return null;
        }
        return workspace.resolve(".metadata/.plugins").resolve(plugin).resolve(folder);
    }

    /** As above for this workbench's own workspace. */
    public static Path of(String plugin, String folder) {
        return of(System.getProperty("osgi.instance.area"), plugin, folder);
    }
}
