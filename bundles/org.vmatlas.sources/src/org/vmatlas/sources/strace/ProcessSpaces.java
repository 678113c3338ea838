package org.vmatlas.sources.strace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.vmatlas.model.Session;
import org.vmatlas.sources.ProgressMonitor;

/**
 * Gives each address space of a traced program tree its own session, call by call: threads ({@code clone} with
 * {@code CLONE_VM}) share their process's; {@code vfork} borrows the parent's until {@code execve}; {@code fork}
 * and {@code clone} without {@code CLONE_VM} make a child whose regions start as a copy of the parent's at that
 * moment; a successful {@code execve} starts a fresh one. The first id seen is the traced program.
 * <p>
 * A child's lines may come before the {@code clone} that made it returns in its parent: they wait until it does.
 * Ids never named by a process call (a log traced without them, threads already running at attach) are placed by
 * the {@link ProcessHost}, else inferred: an id whose first call is {@code brk(NULL)} is a new program, any other a
 * thread of the first process. Not thread-safe for writing: one reader feeds it; {@link #processes()} may be
 * read from any thread.
 */
public final class ProcessSpaces {

    /** Calls an id may hold back while it waits for its parent's {@code clone} to return. */
    static final int MAX_WAITING = 4096;
    /** Guard pages start within this distance of a stack's lowest address (glibc's guard, then HotSpot's zones). */
    static final long GUARD_REACH = 1L << 20;

    private final BiFunction<String, Integer, Session> sessions;
    private final ProcessHost host;
    private final String source;
    private final boolean inferAtOnce;
    private final Map<Integer, Node> nodeOf = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, List<TracedCall>> waiting = new LinkedHashMap<>();
    private volatile Runnable onChange = () -> { };

    /**
     * @param sessions    opens a session for a new address space, given its name and the id of the process leading it
     * @param host        the live system, or {@link ProcessHost#NONE}
     * @param source      the events' source name
     * @param inferAtOnce place unknown ids when first seen (a log without process calls), not when their parent says
     */
    public ProcessSpaces(BiFunction<String, Integer, Session> sessions, ProcessHost host, String source, boolean inferAtOnce) {
        this.sessions = sessions;
        this.host = host;
        this.source = source;
        this.inferAtOnce = inferAtOnce;
    }

    /** Replays a whole log, each address space into its own session; returns the tree it found. */
    public static ProcessSpaces replay(StraceLog log, Function<String, Session> sessions, String source,
            ProgressMonitor monitor) {
        List<TracedCall> calls = log.calls();
        boolean processCalls = calls.stream().anyMatch(c -> c.syscall().makesChild() || c.syscall() == Syscall.EXECVE);
        ProcessSpaces spaces = new ProcessSpaces((name, pid) -> sessions.apply(name), ProcessHost.NONE, source, !processCalls);
        monitor.begin("Replaying " + source, calls.size());
        for (int i = 0; i < calls.size() && !monitor.isCanceled(); i++) {
            spaces.accept(calls.get(i));
            if ((i & 4095) == 0) {
                monitor.worked(i);
            }
        }
        spaces.finish();
        monitor.done();
        return spaces;
    }

    /** Starts from a process already running (an attach): its session holds its current mappings. */
    public synchronized void adopt(int pid, String command, Session session) {
        Node node = new Node(pid, 0, command, new Space(session, pid));
        nodes.add(node);
        nodeOf.put(pid, node);
        onChange.run();
    }

    /** Who is told when a process or an address space is added or a process exits (the reader's thread). */
    public void onChange(Runnable listener) {
        onChange = listener == null ? () -> { } : listener;
    }

    /** Sends one call to the session of its address space (or holds it until its parent's {@code clone} returns). */
    public synchronized void accept(TracedCall c) {
        if (!nodeOf.containsKey(c.pid()) && !place(c)) {
            List<TracedCall> held = waiting.computeIfAbsent(c.pid(), k -> new ArrayList<>());
            held.add(c);
            if (held.size() >= MAX_WAITING) {
                infer(c.pid());
            }
            return;
        }
        Node node = nodeOf.get(c.pid());
        switch (c.syscall()) {
            case EXIT -> exit(c, node);
            case EXECVE -> {
                if (!c.failed()) {
                    exec(c, node);
                }
            }
            case CLONE, FORK, VFORK -> {
                if (!c.failed() && c.result() > 0) {
                    child(c, node, (int) c.result());
                }
            }
            default -> node.space.record(c);
        }
    }

    /** The end of the input: ids still waiting for their parent are inferred, and their calls recorded. */
    public synchronized void finish() {
        for (Integer pid : List.copyOf(waiting.keySet())) {
            infer(pid);
        }
    }

    /** The processes seen, in order of appearance, as they are now. */
    public synchronized List<TracedProcess> processes() {
        return nodes.stream().map(Node::view).toList();
    }

    /** The session of {@code pid}'s current address space, or {@code null} when the id was not seen. */
    public synchronized Session sessionOf(int pid) {
        Node node = nodeOf.get(pid);
        return node == null ? null : node.space.session;
    }

    /** Every address space opened, in order (one per process, plus one per {@code execve}). */
    public synchronized List<Session> sessions() {
        List<Session> all = new ArrayList<>();
        for (Node node : nodes) {
            for (Space space : node.history) {
                if (!all.contains(space.session)) {
                    all.add(space.session);
                }
            }
        }
        return all;
    }

    /** Calls held back for ids whose parent has not said who they are (bounded by {@link #MAX_WAITING} an id). */
    public synchronized int waitingCalls() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }

    /** Calls that could not be recorded (answers no kernel gives), from every address space. */
    public synchronized List<org.vmatlas.sources.ParseProblem> problems() {
        List<org.vmatlas.sources.ParseProblem> all = new ArrayList<>();
        nodes.forEach(n -> n.history.forEach(s -> all.addAll(s.replay.problems())));
        return all;
    }

    /** Places an id seen for the first time, if it can be now. */
    private boolean place(TracedCall c) {
        int pid = c.pid();
        if (nodes.isEmpty()) {
            String command = c.syscall() == Syscall.EXECVE && c.path() != null ? c.path() : "pid " + pid;
            add(new Node(pid, 0, command, open("pid " + pid + " " + command, pid)), pid);
            return true;
        }
        int group = host.threadGroupOf(pid);
        Node process = group > 0 && group != pid ? nodeOf.get(group) : null;
        if (process != null) {
            nodeOf.put(pid, process);
            return true;
        }
        if (inferAtOnce) {
            placeByFirstCall(pid, c);
            return true;
        }
        return false;
    }

    private void infer(int pid) {
        List<TracedCall> held = waiting.remove(pid);
        if (held == null || held.isEmpty()) {
            return;
        }
        placeByFirstCall(pid, held.getFirst());
        held.forEach(this::accept);
    }

    private void placeByFirstCall(int pid, TracedCall first) {
        if (first.syscall() == Syscall.BRK && first.address() == 0 || first.syscall() == Syscall.EXECVE) {
            add(new Node(pid, 0, "pid " + pid, open("pid " + pid, pid)), pid);
        } else {
            nodeOf.put(pid, nodes.getFirst());
        }
    }

    private void child(TracedCall c, Node parent, int child) {
        if ((c.flags() & TracedCall.THREAD) != 0) {
            nodeOf.put(child, parent);
            if (c.length() > 0) {
                parent.space.stacks.put(child, c.address());
            }
        } else if ((c.flags() & TracedCall.SHARES_VM) != 0) {
            add(new Node(child, parent.pid, parent.command, parent.space), child);
        } else {
            Space copy = open("pid " + child + " " + parent.command + " (fork of " + parent.pid + ")", child);
            copy.session.applySnapshot(parent.space.session.space().kernelView(),
                    source + ": fork of pid " + parent.pid, timeOf(c));
            copy.replay.inheritBreak(child, parent.space.replay.breakOf(parent.space.leader));
            add(new Node(child, parent.pid, parent.command, copy), child);
        }
        List<TracedCall> held = waiting.remove(child);
        if (held != null) {
            held.forEach(this::accept);
        }
    }

    /** A call's time on the replay's clock: strace's wall clock, or the line number of an untimed log. */
    static long timeOf(TracedCall c) {
        return c.timeMicros() >= 0 ? c.timeMicros() * 1000 : c.line();
    }

    private void exec(TracedCall c, Node node) {
        String command = c.path() != null ? c.path() : node.command;
        boolean unused = node.space.session.timeline().size() == 0
                && nodes.stream().noneMatch(n -> n != node && n.space == node.space);
        Space fresh = unused ? node.space : open("pid " + node.pid + " " + command, node.pid);
        var image = host.execImage(node.pid);
        if (!image.isEmpty()) {
            fresh.session.applySnapshot(image, source + ": execve image of pid " + node.pid, timeOf(c));
        }
        node.command = command;
        if (!unused) {
            node.space = fresh;
            node.history.add(fresh);
        }
        onChange.run();
    }

    private void exit(TracedCall c, Node node) {
        if (node.pid == c.pid() && !node.exited) {
            node.exited = true;
            onChange.run();
        }
    }

    private void add(Node node, int pid) {
        nodes.add(node);
        nodeOf.put(pid, node);
        onChange.run();
    }

    private Space open(String name, int leader) {
        return new Space(sessions.apply(name, leader), leader);
    }

    /** One address space: its session and the replay that records into it. */
    private final class Space {
        final Session session;
        final StraceReplay replay;
        final int leader;
        /** Each thread's stack base, from the {@code clone3} that made it. */
        final Map<Integer, Long> stacks = new HashMap<>();

        Space(Session session, int leader) {
            this.session = session;
            this.replay = new StraceReplay(session, java.util.Set.of(), source);
            this.leader = leader;
        }

        /**
         * The break belongs to the address space, whichever thread moves it. A thread that maps fresh pages, fixed,
         * at the bottom of its own stack makes guard pages (HotSpot does): the mapping is labelled so.
         */
        void record(TracedCall c) {
            Long stack = stacks.get(c.pid());
            if (stack != null && c.syscall() == Syscall.MMAP && c.address() >= stack
                    && c.address() < stack + GUARD_REACH && c.fd() < 0) {
                c = c.withPath(StraceReplay.STACK_GUARD + c.pid() + "'s stack");
            }
            replay.record(c.syscall() == Syscall.BRK && c.pid() != leader ? new TracedCall(c.line(), leader,
                    c.timeMicros(), c.syscall(), c.address(), c.length(), c.prot(), c.flags(), c.fd(), c.offset(),
                    c.newLength(), c.newAddress(), c.advice(), c.path(), c.result(), c.errno(), c.unknownResult()) : c);
        }
    }

    private static final class Node {
        final int pid;
        final int parent;
        final List<Space> history = new ArrayList<>();
        String command;
        Space space;
        boolean exited;

        Node(int pid, int parent, String command, Space space) {
            this.pid = pid;
            this.parent = parent;
            this.command = command;
            this.space = space;
            history.add(space);
        }

        TracedProcess view() {
            return new TracedProcess(pid, parent, command, space.session, exited);
        }
    }
}
