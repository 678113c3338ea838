package org.vmatlas.ui.internal.ops;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.sources.scenario.Amounts;

/**
 * Builds the labelled rows of an operation form (text fields, check boxes for flag bits, a combo) and
 * wires every change to one callback, so the part can re-evaluate its preview whatever was touched.
 */
final class FormFields {

    private final Composite body;
    private final Runnable changed;

    FormFields(Composite parent, Runnable changed) {
        this.body = new Composite(parent, SWT.NONE);
        this.body.setLayout(new GridLayout(2, false));
        this.changed = changed;
    }

    Composite body() {
        return body;
    }

    Text text(String label, String initial, String hint) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER);
        text.setText(initial);
        text.setMessage(hint);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setData("field", label);
        text.addListener(SWT.Modify, event -> changed.run());
        return text;
    }

    Checks checks(String label, String[] names, int[] bits, int initial) {
        new Label(body, SWT.NONE).setText(label);
        Composite row = new Composite(body, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.marginLeft = 0;
        layout.wrap = true;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button[] boxes = new Button[names.length];
        for (int i = 0; i < names.length; i++) {
            boxes[i] = new Button(row, SWT.CHECK);
            boxes[i].setText(names[i]);
            boxes[i].setSelection((initial & bits[i]) != 0);
            boxes[i].addListener(SWT.Selection, event -> changed.run());
        }
        return new Checks(boxes, bits);
    }

    Combo combo(String label, String[] items, int initial) {
        new Label(body, SWT.NONE).setText(label);
        Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items);
        combo.select(initial);
        combo.addListener(SWT.Selection, event -> changed.run());
        return combo;
    }

    /** A row of check boxes that together make a set of flag bits. */
    record Checks(Button[] boxes, int[] bits) {
        int value() {
            int value = 0;
            for (int i = 0; i < boxes.length; i++) {
                value |= boxes[i].getSelection() ? bits[i] : 0;
            }
            return value;
        }

        void set(int value) {
            for (int i = 0; i < boxes.length; i++) {
                boxes[i].setSelection((value & bits[i]) != 0);
            }
        }
    }

    /** Parses a field ({@code arena} is the sandbox arena's first byte, or {@code null}); the message names the field. */
    static long value(Text field, Long arena) {
        return Amounts.parse(field.getText(), (String) field.getData("field"), arena);
    }

    /** The label text, or {@code null} when blank. */
    static String optional(Text field) {
        String text = field.getText().strip();
        return text.isEmpty() ? null : text;
    }
}
