/**
 * Driving {@link dev.weir.sdk.io.TransactionalSink}s, the same way on every runner: one
 * {@link dev.weir.runtime.sinks.SinkShardWriter} per parallel instance and transaction, and one
 * {@link dev.weir.runtime.sinks.SinkCommitter} per sink, which keeps the committables of
 * transactions prepared but not yet committed, encodes them for logs and checkpoints, and commits
 * in order.
 */
package dev.weir.runtime.sinks;
