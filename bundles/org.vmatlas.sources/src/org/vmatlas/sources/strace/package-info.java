/**
 * strace logs of memory calls ({@code strace -f -tt -e trace=memory[,openat] -o FILE} and its variants):
 * {@link org.vmatlas.sources.strace.StraceParser} reads them at byte level (about a million lines a second),
 * joining {@code <unfinished ...>} / {@code <... resumed>} halves and naming mapped files from {@code openat};
 * {@link org.vmatlas.sources.strace.StraceReplay} records the calls, with the answers the traced kernel gave,
 * into a replay session of a chosen personality. Both report progress and stop when cancelled.
 * <p>
 * What a replay cannot show: mappings made by {@code execve} (the executable, the dynamic loader, the stack,
 * vdso, vvar), which strace's memory class does not trace; and which file a descriptor named when
 * {@code openat} was not traced.
 */
package org.vmatlas.sources.strace;
