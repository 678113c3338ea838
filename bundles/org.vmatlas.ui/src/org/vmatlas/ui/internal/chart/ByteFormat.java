package org.vmatlas.ui.internal.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.vmatlas.ui.internal.map.RegionText;

/** Axis labels in KiB / MiB / GiB rather than raw byte counts. */
final class ByteFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(RegionText.size((long) number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(RegionText.size(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
