package org.vmatlas.ui.internal.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.e4.core.di.annotations.Creatable;

/**
 * Where the last export went: the exports tell it, the status line names the file and offers to open its
 * folder. One for the application; used on the UI thread.
 */
@Creatable
@Singleton
public final class ExportReport {

    private final List<Consumer<Path>> listeners = new ArrayList<>();
    private Path last;

    /** Says that {@code file} was written. */
    public void wrote(Path file) {
        last = file.toAbsolutePath();
        for (Consumer<Path> listener : List.copyOf(listeners)) {
            listener.accept(last);
        }
    }

    /** The file last written, or {@code null}. */
    public Path last() {
        return last;
    }

    public void addListener(Consumer<Path> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Path> listener) {
        listeners.remove(listener);
    }
}
