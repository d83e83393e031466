/**
 * Joins by key, as in Beam's {@code org.apache.beam.sdk.transforms.join}:
 * {@link dev.weir.sdk.transforms.join.CoGroupByKey} over a
 * {@link dev.weir.sdk.transforms.join.KeyedPCollectionTuple} gives, per key and window, a
 * {@link dev.weir.sdk.transforms.join.CoGbkResult} read by each input's tag.
 *
 * <p>A composite of {@code ParDo}, {@code Flatten} and {@code GroupByKey} over
 * {@link dev.weir.sdk.transforms.join.RawUnionValue}s encoded with a
 * {@link dev.weir.sdk.transforms.join.UnionCoder}. Unlike Beam's, a {@code CoGbkResult} holds all
 * of a key's values in memory (Beam streams very large groups lazily).
 */
package dev.weir.sdk.transforms.join;
