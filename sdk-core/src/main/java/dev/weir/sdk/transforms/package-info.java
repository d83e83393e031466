/**
 * Transforms, as in Beam's {@code org.apache.beam.sdk.transforms}: the primitives runners execute
 * ({@link dev.weir.sdk.transforms.ParDo}, {@link dev.weir.sdk.transforms.GroupByKey},
 * {@link dev.weir.sdk.transforms.Flatten}, {@link dev.weir.sdk.transforms.View}) and the library
 * built from them, which runners never see: {@link dev.weir.sdk.transforms.Create},
 * {@link dev.weir.sdk.transforms.MapElements}, {@link dev.weir.sdk.transforms.FlatMapElements},
 * {@link dev.weir.sdk.transforms.Filter}, {@link dev.weir.sdk.transforms.Keys},
 * {@link dev.weir.sdk.transforms.Values}, {@link dev.weir.sdk.transforms.KvSwap},
 * {@link dev.weir.sdk.transforms.WithKeys}, {@link dev.weir.sdk.transforms.WithTimestamps},
 * {@link dev.weir.sdk.transforms.ToString}, {@link dev.weir.sdk.transforms.Reshuffle},
 * {@link dev.weir.sdk.transforms.Partition}, {@link dev.weir.sdk.transforms.Combine} and the
 * aggregations on it ({@link dev.weir.sdk.transforms.Count}, {@link dev.weir.sdk.transforms.Sum},
 * {@link dev.weir.sdk.transforms.Min}, {@link dev.weir.sdk.transforms.Max},
 * {@link dev.weir.sdk.transforms.Mean}, {@link dev.weir.sdk.transforms.Top},
 * {@link dev.weir.sdk.transforms.Distinct}, {@link dev.weir.sdk.transforms.Sample}).
 *
 * <p>Names, factory methods and behaviour follow Beam. Where this library differs:
 *
 * <ul>
 *   <li>{@code Combine.perKey} is {@code GroupByKey} then {@code Combine.GroupedValues}, which
 *       combines each group in one accumulator; no runner lifts the combine before the shuffle yet,
 *       though {@link dev.weir.sdk.transforms.Combine.PerKey#getFn()} allows it. There is no
 *       {@code withHotKeyFanout}, {@code withFanout}, side inputs for combines,
 *       {@code CombineWithContext} or {@code AccumulatingCombineFn}.
 *   <li>{@code Reshuffle} groups with the input's own trigger and keeps the grouping's windowing
 *       strategy, and refuses merging windows; see its documentation.
 *   <li>Accumulator types differ where Beam's are private or doubly generic:
 *       {@link dev.weir.sdk.transforms.Combine.Holder} is public, {@code Top.BoundedHeap} and
 *       {@code Mean.CountSum} have one type parameter fewer.
 *   <li>{@code MapElements}, {@code FlatMapElements} and {@code Filter} take no {@code Contextful}
 *       functions (no side inputs) and have no {@code exceptionsInto}.
 *   <li>Lambdas that throw checked exceptions must be cast to {@link
 *       dev.weir.sdk.transforms.ProcessFunction}, as in Beam: the {@code SerializableFunction}
 *       overload is the more specific one.
 * </ul>
 */
package dev.weir.sdk.transforms;
