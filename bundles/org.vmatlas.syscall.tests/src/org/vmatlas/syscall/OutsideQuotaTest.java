package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The outside-arena quota as {@code vmatlas.sandbox.outsideQuota} sets it, and as an opened sandbox keeps it. */
class OutsideQuotaTest {

    @Test
    void sizesAreBytesWithAnOptionalBinarySuffix() {
        assertEquals(List.of(1073741824L, 512L << 20, 1L << 30, 64L << 10, 2L << 40, 0L),
                List.of(Sizes.parse("q", "1073741824"), Sizes.parse("q", "512m"), Sizes.parse("q", "1G"),
                        Sizes.parse("q", " 64k "), Sizes.parse("q", "2t"), Sizes.parse("q", "0")));
        for (String bad : List.of("", "-1", "1x", "g", "9999999999t", "1.5g")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse("q", bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e::getMessage);
        }
    }

    @Test
    void thePropertySetsTheQuotaOfTheNextSandbox() {
        String before = System.getProperty(Sandbox.OUTSIDE_QUOTA_PROPERTY);
        System.setProperty(Sandbox.OUTSIDE_QUOTA_PROPERTY, "64k");
        try (Sandbox sandbox = NativeKernel.open(1L << 20)) {
            assertEquals(64L << 10, Sandbox.outsideQuota());
            int anon = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
            SysResult over = sandbox.mmap(0, 128L << 10, Prot.READ, anon, -1, 0);
            assertEquals(Errno.ENOMEM, over.errnoOrNull(), over::describe);
            assertTrue(Sandbox.answeredItself(over), over::describe);
            assertTrue(sandbox.mmap(0, 64L << 10, Prot.READ, anon, -1, 0).isOk());
        } finally {
            if (before == null) {
                System.clearProperty(Sandbox.OUTSIDE_QUOTA_PROPERTY);
            } else {
                System.setProperty(Sandbox.OUTSIDE_QUOTA_PROPERTY, before);
            }
        }
        if (before == null) {
            assertEquals(Sandbox.DEFAULT_OUTSIDE_QUOTA, Sandbox.outsideQuota(), "unset, the quota is 1 GiB");
        }
    }
}
