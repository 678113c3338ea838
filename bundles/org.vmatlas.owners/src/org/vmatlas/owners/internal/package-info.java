/**
 * The classifier and its recognizers. {@code ClassifierCore} makes its passes over the whole address space in
 * order: the kernel's names and protections ({@code KernelNames}), ELF images and their parts
 * ({@code ImageParts}, {@code elf.ElfFile}), the thread stacks of a live process ({@code ThreadStacks}), guard
 * pages ({@code Guards}), then every {@code Recognizer} in its order, then residency ({@code ResidencyReader}).
 * A recognizer is one class and one DS component; the service picks up those registered at the time of a call.
 */
package org.vmatlas.owners.internal;
