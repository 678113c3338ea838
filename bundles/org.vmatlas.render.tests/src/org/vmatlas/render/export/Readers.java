package org.vmatlas.render.export;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads exports back with libraries the writers' authors did not write: Commons CSV's parser and Jackson's tree. */
final class Readers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Readers() {
    }

    /** Every record of an RFC 4180 text, the header included, each as its fields. */
    static List<List<String>> csvRows(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
