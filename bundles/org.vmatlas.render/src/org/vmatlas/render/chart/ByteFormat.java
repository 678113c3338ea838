package org.vmatlas.render.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.vmatlas.render.map.RegionText;

/** Axis labels in KiB / MiB / GiB rather than raw byte counts. */
public final class ByteFormat extends NumberFormat {

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
