package org.vmatlas.render.export;

/** Addresses in exports: hexadecimal with {@code 0x}, because JSON readers hold numbers as doubles (exact to 2^53). */
final class Hex {

    private Hex() {
    }

    static String of(long value) {
        return "0x" + Long.toHexString(value);
    }
}
