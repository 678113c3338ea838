package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/** {@code mmap}: address (a hint unless fixed), length, protection, flags and a label for the map. */
final class MmapForm extends OperationForm {

    private static final String[] FLAG_NAMES = { "SHARED", "PRIVATE", "ANONYMOUS", "FIXED", "FIXED_NOREPLACE",
        "NORESERVE", "POPULATE" };
    private static final int[] FLAG_BITS = { MapFlags.SHARED, MapFlags.PRIVATE, MapFlags.ANONYMOUS, MapFlags.FIXED,
        MapFlags.FIXED_NOREPLACE, MapFlags.NORESERVE, MapFlags.POPULATE };

    private Text address;
    private Text length;
    private FormFields.Checks prot;
    private FormFields.Checks flags;
    private Text label;

    @Override
    String title() {
        return "mmap";
    }

    @Override
    Composite create(FormFields fields) {
        address = fields.text(Messages.ops_address, "0", Messages.ops_addressHint);
        length = fields.text(Messages.ops_length, "2M", Messages.ops_sizeHint);
        prot = fields.checks(Messages.ops_prot, PROT_NAMES, PROT_BITS, Prot.RW);
        flags = fields.checks(Messages.ops_flags, FLAG_NAMES, FLAG_BITS, MapFlags.PRIVATE | MapFlags.ANONYMOUS);
        label = fields.text(Messages.ops_label, "", Messages.ops_labelHint);
        return fields.body();
    }

    @Override
    Call call(AddressParser parser) {
        return new Call.Mmap(FormFields.value(address, parser), FormFields.value(length, parser), prot.value(),
                flags.value(), -1, 0, FormFields.optional(label));
    }

    /** For tests: fill the form. */
    void set(String addressText, String lengthText, int protBits, int flagBits) {
        address.setText(addressText);
        length.setText(lengthText);
        prot.set(protBits);
        flags.set(flagBits);
    }
}
