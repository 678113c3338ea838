package org.vmatlas.sources.internal.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * An address or size as people type them, in scenario lines and in the operations panel: numbers
 * ({@code 4096}, {@code 0x1000}) with binary units ({@code 64K}, {@code 4M}, {@code 1G}, {@code 1T}, also
 * written {@code 64KiB} or {@code 64KB}, any case) or pages ({@code 3p}), names bound by earlier lines
 * ({@code heap}, the built-ins {@code arena} and {@code map_limit}), the repeat counter {@code @i}, joined by
 * {@code +}, {@code -}, {@code *} and {@code /} ({@code heap+@i*8K}, {@code map_limit/2}), blanks allowed
 * between them. Names keep scripts symbolic, so one script runs on any personality wherever its kernel puts
 * things. Arithmetic is on 64-bit words, as addresses are.
 * <p>
 * A text that is no expression is an {@link IllegalArgumentException} naming what is wrong at which
 * position ("'4Q' is not a number (…) at position 2 of '4Q'").
 */
public final class Expr {

    /** Looks up what a name is bound to; throws {@link IllegalStateException} naming the problem. */
    public interface Env {
        long address(String name);

        long counter();

        long pageSize();
    }

    /** The name of the repeat counter. */
    public static final String COUNTER = "@i";
    private static final String NUMBERS = "use 4096, 0x1000, 64K, 4KiB, 4M, 1G or 3p";

    /** One number or name of a product; {@code name} is {@code null} for a number. */
    private record Factor(int at, boolean divide, String name, long number, boolean pages) {
    }

    private final String text;
    private final List<List<Factor>> terms = new ArrayList<>();
    private final List<Integer> signs = new ArrayList<>();
    private int pos;
    private int aboveSigned = -1;

    private Expr(String text) {
        this.text = text;
    }

    /** Parses {@code text}; {@link IllegalArgumentException} with the reason and position when it is no expression. */
    public static Expr parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty address or size");
        }
        Expr e = new Expr(text);
        e.sum();
        return e;
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
        if (text.startsWith(COUNTER, pos)) {
            pos += COUNTER.length();
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

    /** The names this expression uses (checked against bindings before running); not {@code @i}. */
    public List<String> names() {
        return terms.stream().flatMap(List::stream).map(Factor::name)
                .filter(n -> n != null && !n.equals(COUNTER)).toList();
    }

    /** Where {@code name} (or {@code @i}) is first used, from 0; -1 when it is not. */
    public int position(String name) {
        return terms.stream().flatMap(List::stream).filter(f -> name.equals(f.name())).mapToInt(Factor::at)
                .findFirst().orElse(-1);
    }

    /** Where the first number above {@code 0x7fffffffffffffff} (only hex may be) is written, from 0; else -1. */
    public int aboveSignedAt() {
        return aboveSigned;
    }

    /**
     * The value when it uses no name and no {@code @i} (pages counted as 4 KiB), else {@code null}; a
     * division by zero is an {@link IllegalArgumentException}, so the parser reports it with its line.
     */
    public Long constant() {
        if (!names().isEmpty() || position(COUNTER) >= 0) {
            return null;
        }
        try {
            return value(CONSTANT);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static final Env CONSTANT = new Env() {
        @Override
        public long address(String name) {
            throw new IllegalStateException("'" + name + "' is not a constant");
        }

        @Override
        public long counter() {
            return 0;
        }

        @Override
        public long pageSize() {
            return 4096;
        }
    };

    /** The value with names, {@code @i} and pages taken from {@code env}; {@link IllegalStateException} if there is none. */
    public long value(Env env) {
        long sum = 0;
        for (int t = 0; t < terms.size(); t++) {
            long product = 1;
            for (Factor f : terms.get(t)) {
                long v = f.name() == null ? (f.pages() ? pages(f.number(), env.pageSize()) : f.number())
                        : f.name().equals(COUNTER) ? env.counter() : env.address(f.name());
                if (f.divide() && v == 0) {
                    throw new IllegalStateException("division by zero in '" + text + "'");
                }
                product = f.divide() ? product / v : product * v;
            }
            sum += signs.get(t) * product;
        }
        return sum;
    }

    private long pages(long count, long pageSize) {
        try {
            return Math.multiplyExact(count, pageSize);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("'" + text + "' is too large for 64 bits");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
