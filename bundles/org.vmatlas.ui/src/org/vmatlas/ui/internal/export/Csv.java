package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV: fields with a comma, a quote or a line break are quoted, quotes doubled; lines end with
 * CRLF as the RFC says, which every spreadsheet reads.
 */
final class Csv {

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(fields[i] == null ? "" : fields[i].toString()));
        }
        out.write("\r\n");
    }

    static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
