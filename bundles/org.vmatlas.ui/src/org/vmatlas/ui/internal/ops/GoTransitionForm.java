package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.ui.internal.Messages;

/**
 * The Go runtime's transitions (golang/go {@code mem.go}): sysReserve None→Reserved, sysMap Reserved→Prepared,
 * sysUsed Prepared→Ready, sysUnused Ready→Prepared, sysFree any→None, sysFault any→Reserved.
 */
final class GoTransitionForm extends OperationForm {

    private static final String[] TRANSITIONS = { "sysReserve", "sysMap", "sysUsed", "sysUnused", "sysFree",
        "sysFault" };

    private Combo transition;
    private Text address;
    private Text length;
    private Text label;

    @Override
    String title() {
        return Messages.ops_goTab;
    }

    @Override
    Composite create(FormFields fields) {
        transition = fields.combo(Messages.ops_transition, TRANSITIONS, 0);
        address = fields.text(Messages.ops_address, "0", Messages.ops_goAddressHint);
        length = fields.text(Messages.ops_length, "64M", Messages.ops_sizeHint);
        label = fields.text(Messages.ops_label, "go heap arena", Messages.ops_labelHint);
        return fields.body();
    }

    @Override
    Call call(Long arena) {
        long start = FormFields.value(address, arena);
        long bytes = FormFields.value(length, arena);
        return switch (Math.max(0, transition.getSelectionIndex())) {
            case 0 -> new Call.SysReserve(start, bytes, FormFields.optional(label));
            case 1 -> new Call.SysMap(start, bytes);
            case 2 -> new Call.SysUsed(start, bytes);
            case 3 -> new Call.SysUnused(start, bytes);
            case 4 -> new Call.SysFree(start, bytes);
            default -> new Call.SysFault(start, bytes);
        };
    }
}
