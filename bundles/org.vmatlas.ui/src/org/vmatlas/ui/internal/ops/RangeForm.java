package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/** The calls that take a range and at most one more argument: {@code munmap}, {@code mprotect}, {@code madvise}. */
final class RangeForm extends OperationForm {

    enum Kind { MUNMAP, MPROTECT, MADVISE }

    private final Kind kind;
    private Text address;
    private Text length;
    private FormFields.Checks prot;
    private Combo advice;

    RangeForm(Kind kind) {
        this.kind = kind;
    }

    @Override
    String title() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    Composite create(FormFields fields) {
        address = fields.text(Messages.ops_address, "", Messages.ops_addressHint);
        length = fields.text(Messages.ops_length, "4K", Messages.ops_sizeHint);
        if (kind == Kind.MPROTECT) {
            prot = fields.checks(Messages.ops_prot, PROT_NAMES, PROT_BITS, Prot.READ);
        } else if (kind == Kind.MADVISE) {
            String[] names = java.util.Arrays.stream(Advice.values()).map(Advice::cName).toArray(String[]::new);
            advice = fields.combo(Messages.ops_advice, names, Advice.DONTNEED.ordinal());
        }
        return fields.body();
    }

    @Override
    Call call(Long arena) {
        long start = FormFields.value(address, arena);
        long bytes = FormFields.value(length, arena);
        return switch (kind) {
            case MUNMAP -> new Call.Munmap(start, bytes);
            case MPROTECT -> new Call.Mprotect(start, bytes, prot.value());
            case MADVISE -> new Call.Madvise(start, bytes, Advice.values()[Math.max(0, advice.getSelectionIndex())]);
        };
    }

    /** For tests: fill the range. */
    void set(String addressText, String lengthText) {
        address.setText(addressText);
        length.setText(lengthText);
    }
}
