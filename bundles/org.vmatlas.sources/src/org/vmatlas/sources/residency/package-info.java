/**
 * Residency over time: {@code /proc/PID/smaps} sampled at a steady rate into a bounded history, so a
 * workbench can chart RSS, PSS, dirty and swap as a process runs and rank its regions by growth (leak
 * suspects). Headless; the sampler has a thread of its own, the history is safe to read from any thread.
 */
package org.vmatlas.sources.residency;
