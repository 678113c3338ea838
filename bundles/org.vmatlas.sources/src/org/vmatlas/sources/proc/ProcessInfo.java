package org.vmatlas.sources.proc;

/**
 * One row of the process picker.
 *
 * @param pid          the process id
 * @param command      its command line, arguments separated by spaces; {@code [comm]} for kernel threads
 * @param uid          the real user id
 * @param owner        the user name for {@code uid}, or the number when the name is unknown
 * @param mappingCount the number of lines of its {@code maps}, or {@code -1} when it may not be read
 * @param rssBytes     its resident set ({@code VmRSS} of {@code status}), or {@code -1} when the kernel gives
 *                     none (kernel threads)
 */
public record ProcessInfo(long pid, String command, int uid, String owner, int mappingCount, long rssBytes) {

    public ProcessInfo {
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id is positive, not " + pid);
        }
    }

    /** A row whose resident set is not known. */
    public ProcessInfo(long pid, String command, int uid, String owner, int mappingCount) {
        this(pid, command, uid, owner, mappingCount, -1);
    }

    /** Whether its maps could be counted (the user may read them). */
    public boolean readable() {
        return mappingCount >= 0;
    }
}
