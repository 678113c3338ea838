package org.vmatlas.ui.internal.ops;

import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Preview;
import org.vmatlas.ui.internal.Messages;

/**
 * Words for a {@link Preview}: what the call would answer and change, and separately the conflicts it would
 * raise, which the part shows in red. Pure text, tested without a display.
 */
public record PreviewText(String effects, String conflicts) {

    public static PreviewText of(Preview preview, int mapCountLimit) {
        StringBuilder text = new StringBuilder(preview.summary());
        if (preview.result() != null) {
            text.append('\n').append(NLS.bind(Messages.ops_previewResult, preview.result().describe()));
        }
        text.append('\n').append(NLS.bind(Messages.ops_previewEvicted, new Object[] {
            preview.evictedPages(), preview.evicted().size(), preview.regionsSplit() }));
        text.append('\n').append(NLS.bind(Messages.ops_previewMapCount, preview.mapCountAfter(), mapCountLimit));
        StringBuilder conflicts = new StringBuilder();
        for (Conflict conflict : preview.conflicts()) {
            conflicts.append(conflicts.isEmpty() ? "" : "\n").append(conflict.kind()).append(": ")
                    .append(conflict.message());
        }
        return new PreviewText(text.toString(), conflicts.toString());
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }
}
