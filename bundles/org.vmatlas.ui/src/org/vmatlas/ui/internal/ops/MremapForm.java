package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.ui.internal.Messages;

/** {@code mremap}: old address and size (0 on a shared mapping makes a duplicate), new size, flags, new address. */
final class MremapForm extends OperationForm {

    private static final String[] FLAG_NAMES = { "MAYMOVE", "FIXED", "DONTUNMAP", "REMAPDUP" };
    private static final int[] FLAG_BITS = { RemapFlags.MAYMOVE, RemapFlags.FIXED, RemapFlags.DONTUNMAP,
        RemapFlags.REMAPDUP };

    private Text oldAddress;
    private Text oldSize;
    private Text newSize;
    private FormFields.Checks flags;
    private Text newAddress;

    @Override
    String title() {
        return "mremap";
    }

    @Override
    Composite create(FormFields fields) {
        oldAddress = fields.text(Messages.ops_oldAddress, "", Messages.ops_addressHint);
        oldSize = fields.text(Messages.ops_oldSize, "4K", Messages.ops_sizeHint);
        newSize = fields.text(Messages.ops_newSize, "8K", Messages.ops_sizeHint);
        flags = fields.checks(Messages.ops_flags, FLAG_NAMES, FLAG_BITS, RemapFlags.MAYMOVE);
        newAddress = fields.text(Messages.ops_newAddress, "0", Messages.ops_newAddressHint);
        return fields.body();
    }

    @Override
    Call call(Long arena) {
        return new Call.Mremap(FormFields.value(oldAddress, arena), FormFields.value(oldSize, arena),
                FormFields.value(newSize, arena), flags.value(), FormFields.value(newAddress, arena));
    }
}
