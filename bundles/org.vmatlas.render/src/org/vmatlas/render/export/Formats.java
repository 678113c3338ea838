package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The libraries the exports are written with: RFC 4180 CSV (CRLF line ends, which every spreadsheet reads)
 * by Apache Commons CSV, JSON (RFC 8259) by Jackson's streaming generator. Neither closes the caller's writer.
 * JSON also escapes U+2028 and U+2029, legal in JSON but line breaks to JavaScript, so an export can be
 * pasted into a script.
 */
final class Formats {
    private static final JsonFactory JSON = jsonFactory();

    private static JsonFactory jsonFactory() {
        JsonFactoryBuilder builder = new JsonFactoryBuilder();
        builder.disable(StreamWriteFeature.AUTO_CLOSE_TARGET);
        builder.characterEscapes(new LineSeparatorEscapes());
        return builder.build();
    }

    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private Formats() {
    }

    static CSVPrinter csv(Writer out, String... header) throws IOException {
        return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    static JsonGenerator json(Writer out) throws IOException {
        return JSON.createGenerator(out);
    }
}
