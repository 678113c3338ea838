package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Call;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/** {@code mmap}: address (a hint unless fixed), length, protection, flags, fd and offset, and a label for the map. */
final class MmapForm extends OperationForm {

    private static final String[] FLAG_NAMES = { "SHARED", "PRIVATE", "ANONYMOUS", "FIXED", "FIXED_NOREPLACE",
        "NORESERVE", "POPULATE" };
    private static final int[] FLAG_BITS = { MapFlags.SHARED, MapFlags.PRIVATE, MapFlags.ANONYMOUS, MapFlags.FIXED,
        MapFlags.FIXED_NOREPLACE, MapFlags.NORESERVE, MapFlags.POPULATE };

    private Text address;
    private Text length;
    private FormFields.Checks prot;
    private FormFields.Checks flags;
    private Text fd;
    private Text offset;
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
        fd = fields.text(Messages.ops_fd, "-1", Messages.ops_fdHint);
        offset = fields.text(Messages.ops_offset, "0", Messages.ops_sizeHint);
        label = fields.text(Messages.ops_label, "", Messages.ops_labelHint);
        return fields.body();
    }

    @Override
    Call call(Long arena) {
        return new Call.Mmap(FormFields.value(address, arena), FormFields.value(length, arena), prot.value(),
                flags.value(), descriptor(fd), FormFields.value(offset, arena), FormFields.optional(label));
    }

    /** The file descriptor: -1 for anonymous memory, or one a memfd_create answered (see the event log). */
    static int descriptor(Text field) {
        String text = field.getText().strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.ops_fd + " '" + text + "' is not a file descriptor (a whole number, -1 for none)");
        }
    }

    /** For tests: the descriptor and offset of a file mapping. */
    void setFile(String fdText, String offsetText) {
        fd.setText(fdText);
        offset.setText(offsetText);
    }

    /** For tests: fill the form. */
    void set(String addressText, String lengthText, int protBits, int flagBits) {
        address.setText(addressText);
        length.setText(lengthText);
        prot.set(protBits);
        flags.set(flagBits);
    }
}
