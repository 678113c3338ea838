package org.vmatlas.model.internal;

import org.vmatlas.model.Call;
import org.vmatlas.syscall.SysResult;

/**
 * A personality's rules, split in two so that one implementation serves both kinds of session: what the
 * system answers to a raw call ({@link #answer}, no change) and what that answer does to the regions
 * ({@link #applyAnswer}). A simulated kernel does both; a native session only applies the real kernel's
 * answer with the Linux rules.
 */
public interface RuleSet {

    long PAGE = 4096;

    String name();

    /** What this system answers to {@code call} in the state {@code core} holds; changes nothing. */
    SysResult answer(VmaCore core, ObjectTable objects, Call call);

    /** Makes the change {@code result} means for {@code call}; errors change nothing unless the OS says so. */
    void applyAnswer(VmaCore core, ObjectTable objects, Call call, SysResult result);

    /** The raw call that performs Go's {@code sysMap} of a reserved range here (seed 000). */
    Call sysMapCall(long address, long length);

    /** The raw call that performs Go's {@code sysFault}: {@code mmap MAP_FIXED PROT_NONE} where allowed. */
    default Call sysFaultCall(long address, long length) {
        return new Call.Mmap(address, length, org.vmatlas.syscall.Prot.NONE, org.vmatlas.syscall.MapFlags.PRIVATE
                | org.vmatlas.syscall.MapFlags.ANONYMOUS | org.vmatlas.syscall.MapFlags.FIXED, -1, 0, null);
    }

    default SysResult call(VmaCore core, ObjectTable objects, Call call) {
        SysResult result = answer(core, objects, call);
        applyAnswer(core, objects, call, result);
        return result;
    }
}
