/**
 * The benchmark event generator of {@code shared/bench/WORKLOADS.md}: {@link
 * dev.weir.io.synthetic.Event}s derived from their index by SplitMix64, read bounded or unbounded
 * through {@link dev.weir.io.synthetic.SyntheticEvents}, and the row hash and checksum
 * ({@link dev.weir.io.synthetic.RowHash}, {@link dev.weir.io.synthetic.Checksum}) by which the
 * output of any system running a workload is compared. Everything here must match the spec bit for
 * bit; a change to a formula is a change to the spec.
 */
package dev.weir.io.synthetic;
