package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A small streaming JSON writer (RFC 8259): objects, arrays, strings escaped, numbers as written. It keeps
 * one flag per open level so that commas come out right; the exporters call it in document order.
 */
final class Json {

    private final Writer out;
    private final boolean[] first = new boolean[32];
    private int depth;
    private boolean afterName;

    Json(Writer out) {
        this.out = out;
    }

    Json beginObject() throws IOException {
        return open('{');
    }

    Json endObject() throws IOException {
        return close('}');
    }

    Json beginArray() throws IOException {
        return open('[');
    }

    Json endArray() throws IOException {
        return close(']');
    }

    Json name(String name) throws IOException {
        separate();
        out.write(quote(name));
        out.write(':');
        afterName = true;
        return this;
    }

    Json value(String text) throws IOException {
        separate();
        out.write(text == null ? "null" : quote(text));
        return this;
    }

    Json value(long number) throws IOException {
        separate();
        out.write(Long.toString(number));
        return this;
    }

    Json value(boolean flag) throws IOException {
        separate();
        out.write(Boolean.toString(flag));
        return this;
    }

    private Json open(char bracket) throws IOException {
        separate();
        out.write(bracket);
        first[++depth] = true;
        return this;
    }

    private Json close(char bracket) throws IOException {
        depth--;
        out.write(bracket);
        if (depth == 0) {
            out.write('\n');
        }
        return this;
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0 && !first[depth]) {
            out.write(',');
        }
        if (depth > 0) {
            first[depth] = false;
        }
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
