package org.vmatlas.sources.internal.scenario;

import java.util.List;

import org.vmatlas.sources.internal.scenario.ExprScanner.Factor;

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

    private final String text;
    private final List<List<Factor>> terms;
    private final List<Integer> signs;
    private final int aboveSigned;

    private Expr(String text) {
        this.text = text;
        ExprScanner scanner = new ExprScanner(text);
        this.terms = scanner.terms;
        this.signs = scanner.signs;
        this.aboveSigned = scanner.aboveSigned;
    }

    /** Parses {@code text}; {@link IllegalArgumentException} with the reason and position when it is no expression. */
    public static Expr parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty address or size");
        }
        return new Expr(text);
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
