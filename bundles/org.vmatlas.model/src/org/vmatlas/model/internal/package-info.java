/**
 * The model's implementation: the block-structured core ({@code VmaCore}), interned attributes, sessions,
 * the packed timeline with checkpoints, conflict detection, previews, session files and the DS service.
 * Not API: only the tests and the benchmarks use these types directly.
 */
package org.vmatlas.model.internal;
