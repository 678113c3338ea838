package org.vmatlas.ui.internal.export;

import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV back into rows of fields for the export tests (quoted fields, doubled quotes, CRLF). */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (quoted || !row.isEmpty() || field.length() > 0) {
            throw new IllegalStateException("CSV does not end with a complete line");
        }
        return rows;
    }
}
