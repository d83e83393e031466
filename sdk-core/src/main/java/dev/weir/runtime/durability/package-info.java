/**
 * How runners make progress durable under {@code --checkpointDir}: {@link
 * dev.weir.runtime.durability.DurableFile} replaces a file so that a crash leaves the old or the
 * new content, never part of either, and {@link dev.weir.runtime.durability.DurableFormat} frames
 * every durable format with a marker, a version, a length and a checksum, so that a foreign,
 * damaged or too new file fails with its path instead of being misread.
 *
 * <p>Used by the streaming runners (offset and commit logs, state snapshots, checkpoints) on
 * whichever thread writes their progress; the classes hold no mutable state. Part of the
 * execution core: not API, and it never imports a runner or a connector.
 */
package dev.weir.runtime.durability;
