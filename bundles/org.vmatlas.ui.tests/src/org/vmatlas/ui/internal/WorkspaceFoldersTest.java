package org.vmatlas.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's metadata folders, from the launcher's instance area. */
class WorkspaceFoldersTest {

    @TempDir
    Path workspace;

    @Test
    void aWritableWorkspaceGivesItsPluginFolder() {
        assertEquals(workspace.resolve(".metadata/.plugins/org.vmatlas.model/timelines"),
                WorkspaceFolders.of("file:" + workspace + "/", "org.vmatlas.model", "timelines"));
    }

    @Test
    void noWorkspaceOrOneThatIsNotAFolderGivesNone() {
        assertNull(WorkspaceFolders.of(null, "org.vmatlas.ui", "go-heap-lesson"));
        assertNull(WorkspaceFolders.of("http://example.org/ws/", "org.vmatlas.ui", "go-heap-lesson"));
        assertNull(WorkspaceFolders.of("file:" + workspace.resolve("missing"), "org.vmatlas.ui", "go-heap-lesson"));
    }
}
