package org.vmatlas.syscall;

import java.util.HashMap;
import java.util.Map;

/**
 * An operating-system error number with its symbolic name and its {@code strerror} text.
 * <p>
 * Errors travel beside results, never inside them (seed 001: "mmap returns (pointer, errno)"),
 * so an {@code Errno} is a plain value. Numbers are Linux's (x86_64 and aarch64 agree for every
 * constant here); simulated personalities answer with the same names.
 */
public record Errno(int number, String name, String message) {

    private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();
    private static final Map<String, Errno> BY_NAME = new HashMap<>();

    public static final Errno EPERM = define(1, "EPERM", "Operation not permitted");
    public static final Errno ENOENT = define(2, "ENOENT", "No such file or directory");
    public static final Errno ESRCH = define(3, "ESRCH", "No such process");
    public static final Errno EINTR = define(4, "EINTR", "Interrupted system call");
    public static final Errno EIO = define(5, "EIO", "Input/output error");
    public static final Errno E2BIG = define(7, "E2BIG", "Argument list too long");
    public static final Errno EBADF = define(9, "EBADF", "Bad file descriptor");
    public static final Errno EAGAIN = define(11, "EAGAIN", "Resource temporarily unavailable");
    public static final Errno ENOMEM = define(12, "ENOMEM", "Cannot allocate memory");
    public static final Errno EACCES = define(13, "EACCES", "Permission denied");
    public static final Errno EFAULT = define(14, "EFAULT", "Bad address");
    public static final Errno EBUSY = define(16, "EBUSY", "Device or resource busy");
    public static final Errno EEXIST = define(17, "EEXIST", "File exists");
    public static final Errno ENODEV = define(19, "ENODEV", "No such device");
    public static final Errno EINVAL = define(22, "EINVAL", "Invalid argument");
    public static final Errno ENFILE = define(23, "ENFILE", "Too many open files in system");
    public static final Errno EMFILE = define(24, "EMFILE", "Too many open files");
    public static final Errno ETXTBSY = define(26, "ETXTBSY", "Text file busy");
    public static final Errno EFBIG = define(27, "EFBIG", "File too large");
    public static final Errno ENOSPC = define(28, "ENOSPC", "No space left on device");
    public static final Errno ENOSYS = define(38, "ENOSYS", "Function not implemented");
    public static final Errno EOVERFLOW = define(75, "EOVERFLOW", "Value too large for defined data type");
    public static final Errno EOPNOTSUPP = define(95, "EOPNOTSUPP", "Operation not supported");

    private static Errno define(int number, String name, String message) {
        Errno errno = new Errno(number, name, message);
        BY_NUMBER.put(number, errno);
        BY_NAME.put(name, errno);
        return errno;
    }

    /** The errno for a kernel number; numbers without a constant here keep their number. */
    public static Errno of(int number) {
        Errno known = BY_NUMBER.get(number);
        return known != null ? known : new Errno(number, "E" + number, "Unknown error " + number);
    }

    /** The errno for a symbolic name such as {@code "ENOMEM"}, or {@code null} if unknown. */
    public static Errno named(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public String toString() {
        return name + " (" + message + ")";
    }
}
