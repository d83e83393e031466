package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.InvalidWindows;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.WindowingStrategy;

/**
 * Groups the values of a keyed collection by key and window: for each key and window, one
 * {@code KV<K, Iterable<V>>} per trigger firing (with the default trigger, one when the
 * watermark passes the end of the window).
 *
 * <p>Keys are compared by their encoded bytes, so the key coder must be deterministic; applying
 * a GroupByKey to a collection whose key coder is not fails at construction, naming the coder.
 * The order of the grouped values is unspecified. A primitive that runners execute.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GroupByKey<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
  private static final long serialVersionUID = 1L;

  private GroupByKey() {}

  /** A GroupByKey. */
  public static <K, V> GroupByKey<K, V> create() {
    return new GroupByKey<>();
  }

  /** The input's coder as a {@link KvCoder}; fails naming the input if it is another coder. */
  public static <K, V> KvCoder<K, V> getInputKvCoder(PCollection<KV<K, V>> input) {
    Coder<KV<K, V>> coder = input.getCoder();
    if (!(coder instanceof KvCoder)) {
      throw new IllegalStateException(
          "GroupByKey needs a KvCoder on its input, but PCollection '" + input.getName() + "' has " + coder
              + ". Fix: setCoder(KvCoder.of(keyCoder, valueCoder)) on it.");
    }
    return (KvCoder<K, V>) coder;
  }

  /**
   * The windowing of a grouping's output: the trigger becomes its continuation, and merged windows
   * may not be merged again without re-windowing.
   */
  public static WindowingStrategy<?, ?> outputStrategy(WindowingStrategy<?, ?> input) {
    WindowingStrategy<?, ?> result = input.withTrigger(input.getTrigger().getContinuationTrigger());
    if (!input.getWindowFn().isNonMerging()) {
      result = result.withWindowFn(new InvalidWindows<>(
          "its windows were already merged by an earlier GroupByKey", input.getWindowFn()));
    }
    return result;
  }

  @Override
  public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
    KvCoder<K, V> kvCoder = getInputKvCoder(input);
    try {
      kvCoder.getKeyCoder().verifyDeterministic();
    } catch (Coder.NonDeterministicException e) {
      throw new IllegalStateException(
          "GroupByKey on PCollection '" + input.getName() + "' needs a deterministic key coder, but "
              + e.getMessage() + ". Fix: use a key type with a deterministic coder (String, Long, ...) or set one.",
          e);
    }
    WindowingStrategy<?, ?> strategy = input.getWindowingStrategy();
    if (strategy.getWindowFn() instanceof InvalidWindows) {
      throw new IllegalStateException(
          "GroupByKey on PCollection '" + input.getName() + "' needs a valid window function, but "
              + ((InvalidWindows<?>) strategy.getWindowFn()).getCause()
              + ". Fix: apply Window.into(...) again before this GroupByKey.");
    }
    if (input.isBounded() == PCollection.IsBounded.UNBOUNDED
        && strategy.getWindowFn() instanceof GlobalWindows
        && strategy.getTrigger() instanceof DefaultTrigger) {
      throw new IllegalStateException(
          "GroupByKey on unbounded PCollection '" + input.getName() + "' in the global window with the default"
              + " trigger would never emit. Fix: apply Window.into(...) or Window.configure().triggering(...)"
              + " before it.");
    }
    return PCollection.createPrimitiveOutputInternal(
        input.getPipeline(),
        outputStrategy(strategy),
        input.isBounded(),
        KvCoder.of(kvCoder.getKeyCoder(), IterableCoder.of(kvCoder.getValueCoder())));
  }
}
