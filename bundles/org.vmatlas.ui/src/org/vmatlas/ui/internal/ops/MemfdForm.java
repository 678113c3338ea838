package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.ui.internal.Messages;

/**
 * The anonymous file that makes duplicates (seed 003's W^X pair on Linux): {@code memfd_create} with a name,
 * or {@code ftruncate} of a descriptor it answered. Map the descriptor twice with the mmap form, MAP_SHARED.
 */
final class MemfdForm extends OperationForm {

    enum Kind { CREATE, FTRUNCATE }

    private final Kind kind;
    private Text name;
    private Text fd;
    private Text length;

    MemfdForm(Kind kind) {
        this.kind = kind;
    }

    @Override
    String title() {
        return kind == Kind.CREATE ? "memfd_create" : "ftruncate";
    }

    @Override
    Composite create(FormFields fields) {
        if (kind == Kind.CREATE) {
            name = fields.text(Messages.ops_memfdName, "jit", Messages.ops_memfdNameHint);
        } else {
            fd = fields.text(Messages.ops_fd, "", Messages.ops_fdHint);
            length = fields.text(Messages.ops_length, "64K", Messages.ops_sizeHint);
        }
        return fields.body();
    }

    @Override
    Call call(Long arena) {
        if (kind == Kind.CREATE) {
            return new Call.MemfdCreate(name.getText().strip());
        }
        return new Call.Ftruncate(MmapForm.descriptor(fd), FormFields.value(length, arena));
    }

    /** For tests: the name to create, or the descriptor and length to truncate. */
    void set(String nameOrFd, String lengthText) {
        if (kind == Kind.CREATE) {
            name.setText(nameOrFd);
        } else {
            fd.setText(nameOrFd);
            length.setText(lengthText);
        }
    }
}
