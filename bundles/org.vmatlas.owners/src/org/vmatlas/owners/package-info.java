/**
 * Region types, owners and residency for real address spaces: what each region is for (image, mapped file,
 * heap, stack, guard, shared memory, code, kernel, reserved, private data), who it belongs to
 * ({@code libc.so.6 text}, {@code stack of thread 4711}, {@code Java heap}), and how much of it is in memory.
 * Services: {@link org.vmatlas.owners.RegionClassifier}, {@link org.vmatlas.owners.PageProbe}, and the
 * {@link org.vmatlas.owners.Recognizer}s that add what one runtime knows.
 */
package org.vmatlas.owners;
