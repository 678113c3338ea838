/**
 * Scenario scripts: a small text format, one memory call a line, that runs against a session step by
 * step (lessons and user scripts). {@link org.vmatlas.sources.scenario.ScenarioParser} reads a script and
 * reports every bad line with its number and reason; {@link org.vmatlas.sources.scenario.ScenarioRunner}
 * runs it one step at a time and reports each step's events, narration and expectations;
 * {@link org.vmatlas.sources.scenario.Lessons} lists the shipped lessons.
 * <p>
 * The format (also in {@code docs/scenarios.md}):
 * <pre>
 * # comment                       # say: narration
 * lesson TITLE                    for linux aix netbsd
 * mmap SIZE PROT [at ADDR] [fixed|noreplace|hint] [shared] [noreserve] [fd NAME] [offset SIZE] [max PROT] [as NAME]
 * map ADDR SIZE PROT [noreplace|hint] [shared] [fd NAME] [offset SIZE] [as NAME]     (MAP_FIXED)
 * reserve SIZE [at ADDR] as NAME  (Go sysReserve)
 * unmap ADDR SIZE                 protect ADDR SIZE PROT          advise ADDR SIZE ADVICE
 * remap ADDR OLD NEW [maymove] [dontunmap] [remapdup] [to ADDR] [as NAME]
 * dup NAME as NEW [size SIZE]     (MAP_REMAPDUP on NetBSD, mremap old_size 0 on Linux)
 * memfd NAME SIZE                 fork
 * go sysMap|sysUsed|sysUnused|sysFree|sysFault ADDR SIZE
 * repeat COUNT LINE               (@i counts from 0)
 * LINE on PERSONALITY...          (only on those)
 * expect ok|error|ERRNO|conflict KIND|noconflict|prot ADDR PROT|free ADDR|state ADDR STATE|caveat|nocaveat [on PERSONALITY...]
 * </pre>
 * Sizes and addresses: {@code 4096 0x1000 64K 4KiB 4M 1G 3p}, names bound by {@code as NAME}, {@code @i},
 * {@code map_limit}, {@code arena} (the sandbox arena's first byte, or a quiet place on a simulated
 * kernel), joined by {@code + - * /}. Names are bound to the kernel's answers, so one script runs on
 * every personality. {@link org.vmatlas.sources.scenario.Amounts} reads the same expressions typed into
 * forms.
 */
package org.vmatlas.sources.scenario;
