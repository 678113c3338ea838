package org.vmatlas.sources.strace;

import org.vmatlas.model.Session;

/**
 * One process of a traced program tree, as {@link ProcessSpaces} knows it at one moment.
 *
 * @param pid     its process id (thread group id)
 * @param parent  the process that made it, 0 when unknown (the traced program itself, or a log without process calls)
 * @param command what it runs: the last {@code execve}'s argument vector, else its parent's command
 * @param session the session of its current address space (shared with its parent after {@code vfork} until {@code execve})
 * @param exited  whether strace saw it end
 */
public record TracedProcess(int pid, int parent, String command, Session session, boolean exited) {

    @Override
    public String toString() {
        return pid + (parent != 0 ? " (child of " + parent + ")" : "") + " " + command + (exited ? ", exited" : "");
    }
}
