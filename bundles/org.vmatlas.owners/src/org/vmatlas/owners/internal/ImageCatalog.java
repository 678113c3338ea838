package org.vmatlas.owners.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vmatlas.owners.internal.elf.ElfException;
import org.vmatlas.owners.internal.elf.ElfFile;

/**
 * The ELF files behind mappings, read once each and kept by device and inode, so that a process with 60k
 * mappings of a few files reads a few headers. A file that is not ELF, may not be read, or is not the object
 * the mapping names (replaced since, or from another machine: its inode differs) is remembered as such.
 * A deleted file of a live process is read through {@code /proc/PID/map_files} where we may.
 */
final class ImageCatalog {

    private static final int CAPACITY = 512;
    private static final ElfFile NOT_ELF = null;

    private final Map<String, ElfFile> files = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ElfFile> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The ELF file of the object {@code (device, inode)} mapped from {@code path}, or {@code null}. */
    synchronized ElfFile elf(String path, long device, long inode, String mapFilesPath) {
        String key = device + ":" + inode + ":" + path;
        if (files.containsKey(key)) {
            return files.get(key);
        }
        ElfFile elf = read(path, inode, mapFilesPath);
        files.put(key, elf);
        return elf;
    }

    private static ElfFile read(String path, long inode, String mapFilesPath) {
        Path file = null;
        if (!path.endsWith(KernelNames.DELETED) && path.startsWith("/")) {
            file = Path.of(path);
        } else if (mapFilesPath != null) {
            file = Path.of(mapFilesPath);
        }
        if (file == null) {
            return NOT_ELF;
        }
        try {
            Object ino = Files.getAttribute(file, "unix:ino");
            if (!(ino instanceof Long l) || l != inode) {
                return NOT_ELF;
            }
            return ElfFile.read(file);
        } catch (IOException | ElfException | RuntimeException e) {
            return NOT_ELF;
        }
    }
}
