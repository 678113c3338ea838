package org.vmatlas.sources.internal.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * An address or size of a scenario line: numbers with units ({@code 4096}, {@code 0x1000}, {@code 64K},
 * {@code 4M}, {@code 1G}, {@code 3p} pages), names bound by earlier lines ({@code heap}), the repeat
 * counter {@code @i}, joined by {@code +}, {@code -}, {@code *} and {@code /} ({@code heap+@i*8K}, {@code map_limit/2}). Names keep
 * scripts symbolic, so one script runs on any personality wherever its kernel puts things.
 */
public final class Expr {

    /** Looks up what a name is bound to; throws {@link IllegalStateException} naming the problem. */
    public interface Env {
        long address(String name);

        long counter();

        long pageSize();
    }

    private final String text;
    private final List<List<String>> terms = new ArrayList<>();
    private final List<Integer> signs = new ArrayList<>();

    private Expr(String text) {
        this.text = text;
    }

    /** Parses {@code text}; {@link IllegalArgumentException} with the reason when it is no expression. */
    public static Expr parse(String text) {
        Expr e = new Expr(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty address or size");
        }
        int sign = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || (i > start && (text.charAt(i) == '+' || text.charAt(i) == '-'))) {
                e.add(sign, text.substring(start, i));
                if (i < text.length()) {
                    sign = text.charAt(i) == '+' ? 1 : -1;
                }
                start = i + 1;
            }
        }
        return e;
    }

    private void add(int sign, String term) {
        List<String> factors = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= term.length(); i++) {
            if (i == term.length() || term.charAt(i) == '*' || term.charAt(i) == '/') {
                String f = term.substring(start, i);
                factors.add(start > 0 && term.charAt(start - 1) == '/' ? "/" + f : f);
                start = i + 1;
            }
        }
        for (String factor : factors) {
            String f = factor.startsWith("/") ? factor.substring(1) : factor;
            if (f.isEmpty()) {
                throw new IllegalArgumentException("missing number or name in '" + text + "'");
            }
            if (!f.equals("@i") && !Character.isDigit(f.charAt(0)) && !f.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("'" + f + "' in '" + text + "' is neither a number nor a name");
            }
            if (Character.isDigit(f.charAt(0))) {
                number(f, 4096);
            }
        }
        terms.add(List.copyOf(factors));
        signs.add(sign);
    }

    /** The names this expression uses (checked against bindings before running). */
    public List<String> names() {
        return terms.stream().flatMap(List::stream).map(f -> f.startsWith("/") ? f.substring(1) : f)
                .filter(f -> !f.equals("@i") && !Character.isDigit(f.charAt(0))).toList();
    }

    /**
     * The value when it uses no name and no {@code @i} (pages counted as 4 KiB), else {@code null}; a
     * division by zero is an {@link IllegalArgumentException}, so the parser reports it with its line.
     */
    public Long constant() {
        if (!names().isEmpty() || text.contains("@i")) {
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

    public long value(Env env) {
        long sum = 0;
        for (int t = 0; t < terms.size(); t++) {
            long product = 1;
            for (String factor : terms.get(t)) {
                boolean divide = factor.startsWith("/");
                String f = divide ? factor.substring(1) : factor;
                long v = f.equals("@i") ? env.counter()
                        : Character.isDigit(f.charAt(0)) ? number(f, env.pageSize()) : env.address(f);
                if (divide && v == 0) {
                    throw new IllegalStateException("division by zero in '" + text + "'");
                }
                product = divide ? product / v : product * v;
            }
            sum += signs.get(t) * product;
        }
        return sum;
    }

    static long number(String f, long page) {
        char unit = f.charAt(f.length() - 1);
        long scale = switch (Character.toUpperCase(unit)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            case 'P' -> page;
            default -> 1;
        };
        String digits = scale == 1 ? f : f.substring(0, f.length() - 1);
        try {
            long n = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
            return Math.multiplyExact(n, scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + f + "' is not a number (use 4096, 0x1000, 64K, 4M, 1G or 3p)");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
