package org.vmatlas.syscall.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsLineParser;
import org.vmatlas.syscall.Prot;

class ProcMapsTest {
    private static final String TEXT = """
            55d0c5a00000-55d0c5a02000 r--p 00000000 08:01 1234                       /usr/bin/my prog
            7f0000000000-7f0000004000 rw-s 00002000 00:01 99                         /memfd:jit (deleted)
            7f0000004000-7f0000005000 ---p 00000000 00:00 0
            7ffd1000-7ffd3000 rw-p 00000000 00:00 0                                  [stack]
            """;

    private static List<Mapping> parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ProcMaps.parse(bytes, bytes.length);
    }

    @Test
    void readsEveryField() {
        List<Mapping> maps = parse(TEXT);
        assertEquals(4, maps.size());
        Mapping prog = maps.get(0);
        assertEquals(new Mapping(0x55d0c5a00000L, 0x55d0c5a02000L, Prot.READ, Prot.RWX, false, 0, MapsLineParser.device(8, 1), 1234,
                "/usr/bin/my prog"), prog);
        Mapping jit = maps.get(1);
        assertEquals(List.of(true, Prot.RW, 0x2000L, "/memfd:jit (deleted)"),
                List.of(jit.shared(), jit.prot(), jit.offset(), jit.path()));
        assertEquals("", maps.get(2).path());
        assertEquals("[stack]", maps.get(3).path());
    }

    @Test
    void clippingKeepsOffsetsConsistent() {
        List<Mapping> clipped = ProcMaps.clip(parse(TEXT), new long[] { 0x7f0000001000L, 0x7f0000004800L });
        assertEquals(2, clipped.size());
        assertEquals(0x7f0000001000L, clipped.get(0).start());
        assertEquals(0x3000L, clipped.get(0).offset());
        assertEquals(0x7f0000004800L, clipped.get(1).end());
    }

    @Test
    void aMalformedLineNamesItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("1000-2000 rw-p 0 00:00 0\nzz-3000 r--p 0 00:00 0\n"));
        assertTrue(e.getMessage().contains("maps line 2"), e::getMessage);
    }
}
