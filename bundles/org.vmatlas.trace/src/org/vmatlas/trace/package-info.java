/**
 * Live tracing of real programs with {@code strace}: {@link org.vmatlas.trace.LiveTrace} launches a program under
 * strace, or attaches to a running process, reads strace's lines as they come and records each address space of
 * the program tree into a session of its own ({@link org.vmatlas.sources.strace.ProcessSpaces}). The starting
 * point of an attach and every difference the trace cannot explain come from {@code /proc/PID/maps}, recorded
 * as {@code reconcile} events and counted. Headless: no SWT here.
 */
package org.vmatlas.trace;
