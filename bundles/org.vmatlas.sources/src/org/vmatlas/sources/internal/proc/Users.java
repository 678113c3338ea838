package org.vmatlas.sources.internal.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** User ids to names from {@code /etc/passwd}, read once; an unknown id stays its number. */
public final class Users {

    private static volatile Map<Integer, String> names;

    private Users() {
    }

    public static String nameOf(int uid) {
        Map<Integer, String> known = names;
        if (known == null) {
            known = load(Path.of("/etc/passwd"));
            names = known;
        }
        return known.getOrDefault(uid, Integer.toString(uid));
    }

    static Map<Integer, String> load(Path passwd) {
        Map<Integer, String> map = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(passwd);
            for (String line : lines) {
                String[] fields = line.split(":", 4);
                if (fields.length >= 3 && !line.startsWith("#")) {
                    try {
                        map.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
                    } catch (NumberFormatException ignoredLine) {
                        // a broken passwd line names nobody; the id shows as a number
                    }
                }
            }
        } catch (IOException e) {
            // no passwd file (minimal containers): every id shows as a number
        }
        return map;
    }
}
