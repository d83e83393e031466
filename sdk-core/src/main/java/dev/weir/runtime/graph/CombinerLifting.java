package dev.weir.runtime.graph;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.transforms.Combine;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the {@link CombinableGrouping}s of a pipeline graph. A grouping qualifies when its step is
 * a direct part of a {@link Combine.PerKey}, its output is read by exactly one step, that step is a
 * {@code ParDo} inside the same composite's {@link Combine.GroupedValues} reading it as its only
 * main input and no side input, and the CombineFn has an accumulator coder for the grouping's
 * value coder. Anything else (a {@code GroupByKey} applied by hand, a grouping also read
 * elsewhere, a CombineFn without an accumulator coder) stays an ordinary grouping. Stateless.
 */
final class CombinerLifting {
  private CombinerLifting() {}

  /** The combinable groupings among {@code steps}, each step's hierarchy node given by {@code nodes}. */
  static List<CombinableGrouping> find(List<Step> steps, Map<Step, TransformHierarchy.Node> nodes,
      Function<PValue, List<Step>> consumers, CoderRegistry registry) {
    List<CombinableGrouping> found = new ArrayList<>();
    for (Step step : steps) {
      if (step.primitive() != Primitive.GROUP_BY_KEY) {
        continue;
      }
      TransformHierarchy.Node composite = nodes.get(step).getEnclosingNode();
      if (composite == null || !(composite.getTransform() instanceof Combine.PerKey<?, ?, ?> perKey)) {
        continue;
      }
      List<Step> readers = consumers.apply(step.output());
      if (readers.size() != 1 || !isGroupedValuesOf(readers.get(0), nodes.get(readers.get(0)), composite, step)) {
        continue;
      }
      Coder<?> accumulatorCoder = accumulatorCoder(perKey.getFn(), step.mainInput(), registry);
      if (accumulatorCoder != null) {
        found.add(new CombinableGrouping(step, readers.get(0), perKey.getFn(), accumulatorCoder));
      }
    }
    return found;
  }

  private static boolean isGroupedValuesOf(
      Step reader, TransformHierarchy.Node node, TransformHierarchy.Node perKey, Step grouping) {
    if (reader.primitive() != Primitive.PAR_DO || !reader.sideInputs().isEmpty()
        || !reader.mainInputs().equals(List.of(grouping.output())) || reader.outputs().size() != 1) {
      return false;
    }
    for (TransformHierarchy.Node n = node.getEnclosingNode(); n != null; n = n.getEnclosingNode()) {
      if (n.getTransform() instanceof Combine.GroupedValues<?, ?, ?>) {
        return n.getEnclosingNode() == perKey;
      }
    }
    return false;
  }

  /** {@code fn}'s accumulator coder for the values of {@code input}; null if it has none. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Coder<?> accumulatorCoder(CombineFn<?, ?, ?> fn, PCollection<?> input, CoderRegistry registry) {
    if (!(input.getCoder() instanceof KvCoder<?, ?> kvCoder)) {
      return null;
    }
    try {
      return ((CombineFn) fn).getAccumulatorCoder(registry, kvCoder.getValueCoder());
    } catch (CannotProvideCoderException e) {
      // Lifting is an optimization: without an accumulator coder the combine runs unlifted.
      return null;
    }
  }
}
