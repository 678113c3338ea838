package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/** Damage the checksum cannot see (a valid CRC over bad content) and bytes that must not be echoed. */
class SessionFileDamageTest {

    @TempDir
    Path dir;

    /** {@code body} (every line before 'end') with a correct end line. */
    static String sealed(String body, int events) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return body + "end " + events + " " + Long.toHexString(crc.getValue()) + "\n";
    }

    @Test
    void aSnapshotOutOfOrderUnderAValidCrcNamesItsLineAndOpensNothing() throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session s = service.openObservedSession("observed");
        s.applySnapshot(List.of(new Mapping(0x10000, 0x12000, Prot.RW, Prot.RWX, false, 0, 0, 0, "[heap]"),
                new Mapping(0x20000, 0x21000, Prot.READ, Prot.RWX, false, 0, 0, 0, "")), "poll");
        Path good = dir.resolve("good.vmatlas");
        service.save(s, good);
        List<String> lines = Files.readAllLines(good);
        assertTrue(lines.get(3).startsWith("s ") && lines.get(4).startsWith("m ") && lines.get(5).startsWith("m "));
        String body = String.join("\n", lines.get(0), lines.get(1), lines.get(2), lines.get(3), lines.get(5),
                lines.get(4)) + "\n";
        Path swapped = Files.writeString(dir.resolve("swapped.vmatlas"), sealed(body, 1));
        int before = service.sessions().size();
        SessionFileException e = assertThrows(SessionFileException.class, () -> service.load(swapped));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(before, service.sessions().size());
    }

    @Test
    void aRecordedAnswerBeyondTheSpaceLoadsAsTheModelRecordedIt() throws Exception {
        String body = "vmatlas-session 1\nname 'top\npersonality LINUX\n"
                + "e 1 'log mmap 0 65536 3 34 -1 0 - = ok 9223372036854775807\n";
        Path file = Files.writeString(dir.resolve("top.vmatlas"), sealed(body, 1));
        Session loaded = new RegionModelServiceImpl().load(file);
        assertEquals(1, loaded.timeline().size());
        assertEquals(0, loaded.space().regions().size());
    }

    @Test
    void controlBytesInAFileAreEscapedInTheMessage() throws Exception {
        Path file = Files.write(dir.resolve("bin.vmatlas"), "vmatl\u001b[2Js\u0000ession 1\n".getBytes(StandardCharsets.UTF_8));
        SessionFileException e = assertThrows(SessionFileException.class, () -> new RegionModelServiceImpl().load(file));
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e.getMessage());
        assertTrue(e.getMessage().contains("\\x1b[2J"), e.getMessage());
        String body = "vmatlas-session 1\nname 'x\npersonality LINUX\ne 1 'log mmap 0 65536 3 34 -1 0 - = ok 12\u0007\n";
        Path bell = Files.writeString(dir.resolve("bell.vmatlas"), sealed(body, 1));
        SessionFileException b = assertThrows(SessionFileException.class, () -> new RegionModelServiceImpl().load(bell));
        assertEquals(4, b.line());
        assertTrue(b.getMessage().contains("\\x07"), b.getMessage());
    }
}
