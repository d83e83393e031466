/**
 * The micro-batch runner: {@link dev.weir.runners.microbatch.MicroBatchRunner}, its options
 * ({@link dev.weir.runners.microbatch.MicroBatchOptions}), its registrars, its result and the
 * progress it reports. The batch loop lives in {@code dev.weir.runners.microbatch.execution}, the
 * checkpoint files in {@code dev.weir.runners.microbatch.durability}.
 */
package dev.weir.runners.microbatch;
