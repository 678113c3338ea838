package org.vmatlas.model.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.vmatlas.model.Call;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.SysResult;

/** Calls and results as space-separated tokens for session files; text fields percent-encoded. */
final class CallCodec {

    private CallCodec() {
    }

    static String encode(Call call) {
        return switch (call) {
            case Call.Mmap m -> "mmap " + m.address() + " " + m.length() + " " + m.prot() + " " + m.flags() + " "
                    + m.fd() + " " + m.offset() + " " + text(m.label());
            case Call.Munmap u -> "munmap " + u.address() + " " + u.length();
            case Call.Mprotect p -> "mprotect " + p.address() + " " + p.length() + " " + p.prot();
            case Call.Mremap r -> "mremap " + r.oldAddress() + " " + r.oldSize() + " " + r.newSize() + " " + r.flags()
                    + " " + r.newAddress();
            case Call.Madvise a -> "madvise " + a.address() + " " + a.length() + " " + a.advice().name();
            case Call.MemfdCreate f -> "memfd " + text(f.name());
            case Call.Ftruncate t -> "ftruncate " + t.fd() + " " + t.length();
            case Call.Close c -> "close " + c.fd();
            case Call.SysReserve r -> "sysReserve " + r.hint() + " " + r.length() + " " + text(r.label());
            case Call.SysMap m -> "sysMap " + m.address() + " " + m.length();
            case Call.SysUsed u -> "sysUsed " + u.address() + " " + u.length();
            case Call.SysUnused u -> "sysUnused " + u.address() + " " + u.length();
            case Call.SysFree f -> "sysFree " + f.address() + " " + f.length();
            case Call.SysFault f -> "sysFault " + f.address() + " " + f.length();
        };
    }

    /** Parses the tokens {@code t[from..]}; throws {@link IllegalArgumentException} naming what is wrong. */
    static Call decode(String[] t, int from) {
        String op = t[from];
        int need = switch (op) {
            case "mmap" -> 7;
            case "mremap" -> 5;
            case "mprotect", "madvise", "sysReserve" -> 3;
            case "munmap", "ftruncate", "sysMap", "sysUsed", "sysUnused", "sysFree", "sysFault" -> 2;
            case "memfd", "close" -> 1;
            default -> throw new IllegalArgumentException("unknown call '" + op + "'");
        };
        if (t.length - from - 1 < need) {
            throw new IllegalArgumentException(op + " needs " + need + " arguments, found " + (t.length - from - 1));
        }
        return switch (op) {
            case "mmap" -> new Call.Mmap(num(t[from + 1]), num(t[from + 2]), (int) num(t[from + 3]),
                    (int) num(t[from + 4]), (int) num(t[from + 5]), num(t[from + 6]), untext(t[from + 7]));
            case "munmap" -> new Call.Munmap(num(t[from + 1]), num(t[from + 2]));
            case "mprotect" -> new Call.Mprotect(num(t[from + 1]), num(t[from + 2]), (int) num(t[from + 3]));
            case "mremap" -> new Call.Mremap(num(t[from + 1]), num(t[from + 2]), num(t[from + 3]),
                    (int) num(t[from + 4]), num(t[from + 5]));
            case "madvise" -> new Call.Madvise(num(t[from + 1]), num(t[from + 2]), Advice.valueOf(t[from + 3]));
            case "memfd" -> new Call.MemfdCreate(untext(t[from + 1]));
            case "ftruncate" -> new Call.Ftruncate((int) num(t[from + 1]), num(t[from + 2]));
            case "close" -> new Call.Close((int) num(t[from + 1]));
            case "sysReserve" -> new Call.SysReserve(num(t[from + 1]), num(t[from + 2]), untext(t[from + 3]));
            case "sysMap" -> new Call.SysMap(num(t[from + 1]), num(t[from + 2]));
            case "sysUsed" -> new Call.SysUsed(num(t[from + 1]), num(t[from + 2]));
            case "sysUnused" -> new Call.SysUnused(num(t[from + 1]), num(t[from + 2]));
            case "sysFree" -> new Call.SysFree(num(t[from + 1]), num(t[from + 2]));
            default -> new Call.SysFault(num(t[from + 1]), num(t[from + 2]));
        };
    }

    static String encode(SysResult result) {
        return switch (result) {
            case SysResult.Ok ok -> "ok " + ok.value();
            case SysResult.Err err -> "err " + err.errno().number() + " " + (err.refused() ? 1 : 0) + " "
                    + text(err.detail());
        };
    }

    static SysResult decodeResult(String[] t, int from) {
        if (t.length > from + 1 && t[from].equals("ok")) {
            return SysResult.ok(num(t[from + 1]));
        }
        if (t.length > from + 3 && t[from].equals("err")) {
            Errno errno = Errno.of((int) num(t[from + 1]));
            String detail = untext(t[from + 3]);
            return t[from + 2].equals("1") ? new SysResult.Err(errno, detail, true) : new SysResult.Err(errno, detail,
                    false);
        }
        throw new IllegalArgumentException("result must be 'ok VALUE' or 'err ERRNO REFUSED DETAIL'");
    }

    static long num(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' is not a number");
        }
    }

    /** {@code -} for null, else {@code '} and the percent-encoded text (never empty, never spaces). */
    static String text(String value) {
        return value == null ? "-" : "'" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String untext(String token) {
        if (token.equals("-")) {
            return null;
        }
        if (!token.startsWith("'")) {
            throw new IllegalArgumentException("text field '" + token + "' must be - or start with '");
        }
        return URLDecoder.decode(token.substring(1), StandardCharsets.UTF_8);
    }
}
