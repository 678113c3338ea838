package org.vmatlas.sources;

/**
 * A line of an outside input (a {@code /proc} file, an strace log, a scenario script) that could not
 * be read. Readers skip such a line, record one of these and go on, so that one bad line never costs
 * the rest of the input.
 *
 * @param file   the file or source name the line came from
 * @param line   the line number, counted from 1
 * @param text   the line as it was (shortened to 200 characters, unprintable characters escaped by {@link Printable})
 * @param reason why it was rejected, in words (escaped as well: reasons quote the input)
 */
public record ParseProblem(String file, long line, String text, String reason) {

    private static final int MAX_TEXT = 200;

    public ParseProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers count from 1, not " + line + " (" + file + ")");
        }
        text = text == null ? "" : Printable.escape(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text);
        reason = Printable.escape(reason);
        file = Printable.escape(file);
    }

    /** {@code /proc/42/maps:17: bad protection 'rq-p': "7f00-7f01 rq-p ..."}. */
    public String message() {
        return file + ":" + line + ": " + reason + ": \"" + text + "\"";
    }

    @Override
    public String toString() {
        return message();
    }
}
