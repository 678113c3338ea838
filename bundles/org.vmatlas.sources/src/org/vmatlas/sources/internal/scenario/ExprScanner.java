package org.vmatlas.sources.internal.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of an {@link Expr} left to right into sums of products, and says what is wrong at which
 * position when the text is no expression. One instance per text.
 */
final class ExprScanner {

    /** One number or name of a product; {@code name} is {@code null} for a number ({@code pages}: count of pages). */
    record Factor(int at, boolean divide, String name, long number, boolean pages) {
    }

    private static final String NUMBERS = "use 4096, 0x1000, 64K, 4KiB, 4M, 1G or 3p";

    private final String text;
    final List<List<Factor>> terms = new ArrayList<>();
    final List<Integer> signs = new ArrayList<>();
    private int pos;
    /** Where the first number above {@code Long.MAX_VALUE} starts, else -1. */
    int aboveSigned = -1;

    ExprScanner(String text) {
        this.text = text;
        sum();
    }

    private void sum() {
        int sign = 1;
        while (true) {
            List<Factor> factors = new ArrayList<>();
            boolean divide = false;
            while (true) {
                factors.add(factor(divide));
                blanks();
                if (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/')) {
                    divide = text.charAt(pos++) == '/';
                } else {
                    break;
                }
            }
            terms.add(List.copyOf(factors));
            signs.add(sign);
            if (pos == text.length()) {
                return;
            }
            char c = text.charAt(pos);
            if (c != '+' && c != '-') {
                throw error("expected + - * or / but found '" + c + "'", pos);
            }
            sign = c == '+' ? 1 : -1;
            pos++;
        }
    }

    private Factor factor(boolean divide) {
        blanks();
        int at = pos;
        if (pos == text.length() || isOperator(text.charAt(pos))) {
            throw error("missing number or name", at);
        }
        char c = text.charAt(pos);
        if (c >= '0' && c <= '9') {
            return number(at, divide);
        }
        if (text.startsWith(Expr.COUNTER, pos)) {
            pos += Expr.COUNTER.length();
        } else {
            while (pos < text.length() && isNameChar(text.charAt(pos), pos == at)) {
                pos++;
            }
        }
        if (pos == at || !wordEnds()) {
            throw error("'" + word(at) + "' is neither a number nor a name", pos);
        }
        return new Factor(at, divide, text.substring(at, pos), 0, false);
    }

    private Factor number(int at, boolean divide) {
        boolean hex = text.startsWith("0x", at) || text.startsWith("0X", at);
        int digits = hex ? at + 2 : at;
        int end = digits;
        while (end < text.length() && text.charAt(end) < 128 && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == digits) {
            throw error("0x needs hexadecimal digits", digits);
        }
        long n;
        try {
            n = hex ? Long.parseUnsignedLong(text, digits, end, 16) : Long.parseLong(text, digits, end, 10);
        } catch (NumberFormatException e) {
            throw error("the number is too large for 64 bits", at);
        }
        if (n < 0 && aboveSigned < 0) {
            aboveSigned = at;
        }
        pos = end;
        int unitAt = pos;
        int shift = pos == text.length() ? 0 : switch (Character.toLowerCase(text.charAt(pos))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            case 'p' -> 12;
            default -> 0;
        };
        boolean pages = shift == 12;
        if (shift > 0) {
            pos++;
            if (!pages && text.regionMatches(true, pos, "ib", 0, 2)) {
                pos += 2;
            } else if (!pages && pos < text.length() && (text.charAt(pos) == 'b' || text.charAt(pos) == 'B')) {
                pos++;
            }
        }
        if (!wordEnds()) {
            throw error("'" + word(at) + "' is not a number (" + NUMBERS + ")", pos);
        }
        try {
            long scaled = Math.multiplyExact(n, 1L << shift);
            return new Factor(at, divide, null, pages ? n : scaled, pages);
        } catch (ArithmeticException e) {
            throw error("the size is too large for 64 bits", unitAt);
        }
    }

    private void blanks() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean wordEnds() {
        return pos == text.length() || text.charAt(pos) == ' ' || isOperator(text.charAt(pos));
    }

    private String word(int at) {
        int end = at;
        while (end < text.length() && text.charAt(end) != ' ' && !isOperator(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }

    private static boolean isOperator(char c) {
        return c == '+' || c == '-' || c == '*' || c == '/';
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (!first && ((c >= '0' && c <= '9') || c == '.'));
    }

    private IllegalArgumentException error(String what, int at) {
        return new IllegalArgumentException(what + " at position " + (at + 1) + " of '" + text + "'");
    }
}
