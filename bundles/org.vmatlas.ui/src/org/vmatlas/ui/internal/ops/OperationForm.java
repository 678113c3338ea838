package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Composite;
import org.vmatlas.model.Call;
import org.vmatlas.syscall.Prot;

/**
 * One tab of the operations panel: its widgets, and the {@link Call} they describe. {@link #call} throws
 * {@link IllegalArgumentException} with a message for people when a field cannot be read.
 */
abstract class OperationForm {

    static final String[] PROT_NAMES = { "PROT_READ", "PROT_WRITE", "PROT_EXEC" };
    static final int[] PROT_BITS = { Prot.READ, Prot.WRITE, Prot.EXEC };

    abstract String title();

    /** Creates the widgets in {@code fields} and answers the form's body. */
    abstract Composite create(FormFields fields);

    abstract Call call(Long arena);
}
