/**
 * The checkpoint directory of the micro-batch runner: the offset log, the commit log, versioned
 * state of keyed steps and progress, each file written durably through
 * {@link dev.weir.runtime.durability.DurableFile} in a versioned
 * {@link dev.weir.runtime.durability.DurableFormat}. runner-microbatch/README.md lists the layout.
 */
package dev.weir.runners.microbatch.durability;
