package org.vmatlas.app.internal.headless;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells text from binary data in input files, naming the line where the first NUL byte or invalid
 * UTF-8 sequence is, instead of Java's {@code Input length = 1}.
 */
final class Text {

    private Text() {
    }

    /**
     * The line (from 1) of the first NUL byte or invalid UTF-8 sequence in {@code bytes[0, length)}, or 0
     * when there is none. In a {@code sample} (the start of a longer file) a sequence cut at its end is no error.
     */
    static long firstBinaryLine(byte[] bytes, int length, boolean sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        int bad = -1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                bad = in.position();
                break;
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        if (sample && bad >= 0 && bad + 4 > length) {
            bad = -1;
        }
        for (int i = 0; i < length && (bad < 0 || i < bad); i++) {
            if (bytes[i] == 0) {
                bad = i;
                break;
            }
        }
        if (bad < 0) {
            return 0;
        }
        long line = 1;
        for (int i = 0; i < bad; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    /** {@code bytes} as text; otherwise a failure: {@code PREFIX (line N: binary data)}. */
    static String utf8(byte[] bytes, String prefix) throws HeadlessFailure {
        long line = firstBinaryLine(bytes, bytes.length, false);
        if (line > 0) {
            throw HeadlessFailure.badInput(prefix + " (line " + line + ": binary data)");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
