/**
 * The source stages of the micro-batch runner: each plans a batch as a range of its input (a record
 * count, a checkpoint mark, a {@code TestStream} event), replays a logged range after a restart, and
 * reports the watermark a batch runs under. Internal to the runner; the batch loop in {@code
 * dev.weir.runners.microbatch.execution} drives them.
 */
package dev.weir.runners.microbatch.sources;
