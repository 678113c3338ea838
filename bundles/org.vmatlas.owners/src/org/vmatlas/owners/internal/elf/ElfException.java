package org.vmatlas.owners.internal.elf;

/** A file that is not the ELF file it claims to be, or is damaged: the message says what and where. */
public final class ElfException extends Exception {

    private static final long serialVersionUID = 1L;

    public ElfException(String message) {
        super(message);
    }
}
