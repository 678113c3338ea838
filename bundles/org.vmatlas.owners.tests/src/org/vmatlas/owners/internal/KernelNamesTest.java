package org.vmatlas.owners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.RegionType;

/**
 * Every name the kernel gives a mapping, including those this machine cannot make (Android's ashmem, SysV
 * segments of other processes), read from a fixture: the name is kept whole and the type follows from it.
 */
class KernelNamesTest {

    private static final String MAPS = """
            55d000000000-55d000021000 rw-p 00000000 00:00 0                          [heap]
            7f0000000000-7f0000001000 rw-s 00000000 00:01 2048                       /memfd:jit code (deleted)
            7f0000001000-7f0000002000 rw-s 00000000 00:01 32770                      /SYSV0000002a (deleted)
            7f0000002000-7f0000003000 rw-s 00000000 00:01 4096                       /dev/zero (deleted)
            7f0000003000-7f0000004000 rw-s 00000000 00:1a 5                          /dev/shm/pulse-shm-1
            7f0000004000-7f0000005000 rw-p 00000000 00:00 0                          [anon:dalvik-main space]
            7f0000005000-7f0000006000 rw-s 00000000 00:01 9                          [anon_shmem:ashmem]
            7f0000010000-7f0000011000 ---p 00000000 00:00 0
            7f0000011000-7f0000100000 rw-p 00000000 00:00 0
            7f0000200000-7f0010200000 ---p 00000000 00:00 0
            7f0020000000-7f0020001000 rwxp 00000000 00:00 0
            7f0030000000-7f0030100000 r--p 00000000 fe:00 200                        /usr/share/fonts/x.ttf
            7f0040000000-7f0040001000 r--p 00000000 fe:00 300                        /opt/gone/libfake.so.1 (deleted)
            7f0040001000-7f0040003000 r-xp 00001000 fe:00 300                        /opt/gone/libfake.so.1 (deleted)
            7f0040003000-7f0040004000 r--p 00003000 fe:00 300                        /opt/gone/libfake.so.1 (deleted)
            7f0040004000-7f0040005000 r--p 00003000 fe:00 300                        /opt/gone/libfake.so.1 (deleted)
            7f0040005000-7f0040006000 rw-p 00004000 fe:00 300                        /opt/gone/libfake.so.1 (deleted)
            7f0040006000-7f0040008000 rw-p 00000000 00:00 0
            7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]
            7ffd00100000-7ffd00102000 r--p 00000000 00:00 0                          [vvar]
            7ffd00102000-7ffd00103000 r--p 00000000 00:00 0                          [vvar_vclock]
            7ffd00103000-7ffd00105000 r-xp 00000000 00:00 0                          [vdso]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void namesAreKeptWholeAndTyped() {
        Classification c = Classifications.of(Fixtures.observed(MAPS, 0).space());
        List<String> lines = MAPS.lines().toList();
        assertEquals(lines.size(), c.size(), "every line is a region, [vsyscall] included");
        List<String> got = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Region r = c.regions().get(i);
            got.add(c.type(i) + " " + c.owner(i).label() + " | " + r.backing().name() + " " + r.backing().inode());
        }
        assertEquals(List.of(
                "HEAP [heap] | [heap] 0",
                "SHARED_MEMORY memfd:jit code | /memfd:jit code (deleted) 2048",
                "SHARED_MEMORY SysV segment key 0x0000002a id 32770 | /SYSV0000002a (deleted) 32770",
                "SHARED_MEMORY shared anonymous | /dev/zero (deleted) 4096",
                "SHARED_MEMORY /dev/shm/pulse-shm-1 | /dev/shm/pulse-shm-1 5",
                "PRIVATE_DATA [anon:dalvik-main space] | [anon:dalvik-main space] 0",
                "SHARED_MEMORY [anon_shmem:ashmem] | [anon_shmem:ashmem] 9",
                "GUARD guard page |  0",
                "PRIVATE_DATA Private data |  0",
                "RESERVED Reserved |  0",
                "CODE Code |  0",
                "MAPPED_FILE x.ttf | /usr/share/fonts/x.ttf 200",
                "IMAGE libfake.so.1 rodata | /opt/gone/libfake.so.1 (deleted) 300",
                "IMAGE libfake.so.1 text | /opt/gone/libfake.so.1 (deleted) 300",
                "IMAGE libfake.so.1 rodata | /opt/gone/libfake.so.1 (deleted) 300",
                "IMAGE libfake.so.1 relro | /opt/gone/libfake.so.1 (deleted) 300",
                "IMAGE libfake.so.1 data | /opt/gone/libfake.so.1 (deleted) 300",
                "IMAGE libfake.so.1 bss |  0",
                "STACK [stack] | [stack] 0",
                "KERNEL [vvar] | [vvar] 0",
                "KERNEL [vvar_vclock] | [vvar_vclock] 0",
                "KERNEL [vdso] | [vdso] 0",
                "KERNEL [vsyscall] | [vsyscall] 0"), got);
        assertEquals(0xfe00, c.regions().get(11).backing().device(), "device kept");
        assertEquals(RegionType.KERNEL, c.type(c.indexAt(0xffffffffff600800L)), "unsigned lookup above user space");
    }

    @Test
    void theMainStackIsThePidsThread() {
        Classification c = new ClassifierCore().classify(Fixtures.observed(MAPS, 0).space().regions(),
                java.util.OptionalLong.of(Integer.MAX_VALUE - 7), List.of(), false, null);
        int stack = c.indexAt(0x7ffd00000000L);
        assertEquals(RegionType.STACK, c.type(stack));
        assertEquals(Integer.MAX_VALUE - 7, c.owner(stack).threadId());
    }
}
