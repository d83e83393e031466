package dev.weir.runtime.graph;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.PCollection;
import java.util.Objects;

/**
 * A {@code GroupByKey} step that a runner may run as a combining grouping: the grouping of a
 * {@link Combine.PerKey} whose only reader is that composite's {@code Combine.GroupedValues} step.
 * A runner that lifts it keeps one accumulator of {@link #fn()} per key and window instead of the
 * values, emits {@code KV<K, OutputT>} to {@link #output()} in the panes, windows and timestamps the
 * grouping would have given, and skips {@link #groupedValues()}; the pipeline's output is the same
 * either way. The grouping's own output collection is then never produced (nothing else reads it).
 *
 * <p>Immutable; found by {@link PipelineGraph#combinableGroupingOf}.
 *
 * @param groupByKey the {@code GroupByKey} step of the composite
 * @param groupedValues the {@code ParDo} step of the composite's {@code Combine.GroupedValues}, the
 *     grouping's only reader
 * @param fn the composite's CombineFn; its input type is the grouping's value type
 * @param accumulatorCoder {@code fn}'s accumulator coder for the grouping's value coder
 */
public record CombinableGrouping(
    Step groupByKey, Step groupedValues, CombineFn<?, ?, ?> fn, Coder<?> accumulatorCoder) {

  /** Checks that nothing is null and the steps are a grouping and its reader. */
  public CombinableGrouping {
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(accumulatorCoder, "accumulatorCoder");
    checkArgument(groupByKey.primitive() == Primitive.GROUP_BY_KEY, "%s is not a GroupByKey", groupByKey);
    checkArgument(groupedValues.primitive() == Primitive.PAR_DO, "%s is not a ParDo", groupedValues);
  }

  /** The collection of combined values, {@code KV<K, OutputT>}: the output of {@link #groupedValues()}. */
  public PCollection<?> output() {
    return groupedValues.outputCollection();
  }
}
