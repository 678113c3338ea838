package org.vmatlas.sources.internal.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.ProcessInfo;

/**
 * Builds the process picker's rows from {@code /proc}: the command line ({@code [comm]} for kernel
 * threads, whose {@code cmdline} is empty), the real uid from {@code status}, and the mapping count
 * by counting the newlines of {@code maps} without parsing them.
 */
public final class ProcessLister {

    private final Path procRoot;
    private final ProcFile file;

    public ProcessLister(Path procRoot, ProcFile file) {
        this.procRoot = procRoot;
        this.file = file;
    }

    public List<ProcessInfo> list() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        pids.sort(null);
        List<ProcessInfo> out = new ArrayList<>(pids.size());
        for (long pid : pids) {
            ProcResult<ProcessInfo> info = describe(pid);
            if (info.isRead()) {
                out.add(info.value()); // processes that exit while we list simply drop out
            }
        }
        return out;
    }

    public ProcResult<ProcessInfo> describe(long pid) {
        Path dir = procRoot.resolve(Long.toString(pid));
        ProcFailure failure = file.read(dir.resolve("status"), pid, "status");
        if (failure != null) {
            return ProcResult.failed(failure);
        }
        String status = new String(file.bytes(), 0, file.length(), StandardCharsets.UTF_8);
        int uid = uid(status);
        long rss = rssBytes(status);
        String command = command(dir, pid);
        if (command == null) {
            return ProcResult.failed(new ProcFailure(ProcFailure.Kind.EXITED, pid, "process " + pid + " has exited"));
        }
        int count = -1;
        if (file.read(dir.resolve("maps"), pid, "maps") == null) {
            count = MapsParser.countLines(file.bytes(), file.length());
        }
        return ProcResult.read(new ProcessInfo(pid, command, uid, uid < 0 ? "unknown" : Users.nameOf(uid), count,
                rss));
    }

    private String command(Path dir, long pid) {
        if (file.read(dir.resolve("cmdline"), pid, "command line") != null) {
            return null;
        }
        int n = file.length();
        while (n > 0 && file.bytes()[n - 1] == 0) {
            n--;
        }
        if (n > 0) {
            byte[] copy = java.util.Arrays.copyOf(file.bytes(), n);
            for (int i = 0; i < n; i++) {
                if (copy[i] == 0) {
                    copy[i] = ' ';
                }
            }
            return new String(copy, StandardCharsets.UTF_8);
        }
        if (file.read(dir.resolve("comm"), pid, "command name") != null) {
            return null;
        }
        return "[" + new String(file.bytes(), 0, file.length(), StandardCharsets.UTF_8).strip() + "]";
    }

    /** The resident set in bytes from the {@code VmRSS:} line of {@code status} (in kB), or -1 without one. */
    static long rssBytes(String status) {
        int at = status.indexOf("\nVmRSS:");
        if (at < 0) {
            return -1;
        }
        int p = at + 7;
        while (p < status.length() && Character.isWhitespace(status.charAt(p))) {
            p++;
        }
        long kib = 0;
        int digits = 0;
        for (; p < status.length() && Character.isDigit(status.charAt(p)) && digits < 15; p++, digits++) {
            kib = kib * 10 + (status.charAt(p) - '0');
        }
        return digits == 0 ? -1 : kib * 1024;
    }

    /** The real uid: the first number of the {@code Uid:} line of {@code status}. */
    static int uid(String status) {
        int at = status.indexOf("\nUid:");
        if (at < 0) {
            return -1;
        }
        int p = at + 5;
        while (p < status.length() && Character.isWhitespace(status.charAt(p))) {
            p++;
        }
        int value = 0;
        int digits = 0;
        for (; p < status.length() && Character.isDigit(status.charAt(p)); p++, digits++) {
            value = value * 10 + (status.charAt(p) - '0');
        }
        return digits == 0 ? -1 : value;
    }
}
