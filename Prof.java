import org.vmatlas.sources.internal.proc.*;
import org.vmatlas.sources.proc.*;
import java.nio.file.Path;
import java.util.*;
public class Prof { public static void main(String[] a) throws Exception {
  long pid = Long.parseLong(a[0]); ProcFile f = new ProcFile(); ProcReader r = new ProcReader(); MapsParser p = new MapsParser();
  for (int round = 0; round < 3; round++) {
  double rd = 1e9, all = 1e9, parse = 1e9, sm = 1e9, smr = 1e9;
  for (int i = 0; i < 15; i++) {
    long t0 = System.nanoTime(); f.read(Path.of("/proc/" + pid + "/maps"), pid, "maps"); long t1 = System.nanoTime();
    rd = Math.min(rd, (t1 - t0) / 1e6);
    List<org.vmatlas.syscall.Mapping> out = new ArrayList<>(70000); List<org.vmatlas.sources.ParseProblem> pr = new ArrayList<>();
    t0 = System.nanoTime(); p.parse(f.bytes(), f.length(), "x", out, pr); t1 = System.nanoTime(); parse = Math.min(parse, (t1 - t0) / 1e6);
    t0 = System.nanoTime(); r.maps(pid); t1 = System.nanoTime(); all = Math.min(all, (t1 - t0) / 1e6);
    t0 = System.nanoTime(); f.read(Path.of("/proc/" + pid + "/smaps"), pid, "smaps"); t1 = System.nanoTime(); smr = Math.min(smr, (t1 - t0) / 1e6);
    t0 = System.nanoTime(); r.smaps(pid); t1 = System.nanoTime(); sm = Math.min(sm, (t1 - t0) / 1e6);
  }
  System.out.printf("maps read %.2f parse %.2f all %.2f | smaps read %.2f all %.2f  bytes %d%n", rd, parse, all, smr, sm, f.length());
  } } }
