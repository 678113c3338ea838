/**
 * The region model: address spaces as ordered, non-overlapping regions that split and merge the way the
 * kernel splits and merges its VMAs, with the Go runtime's states as annotations, duplicates derived from
 * backing identity, an append-only timeline that can show any earlier point, and the conflicts each call
 * raises. Views read immutable {@link org.vmatlas.model.AddressSpace} snapshots and listen to the
 * {@link org.vmatlas.model.RegionModelService}; they never call a kernel themselves.
 */
package org.vmatlas.model;
