package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;

/**
 * Swaps the key and value of each {@link KV}: {@code KV<K, V>} becomes {@code KV<V, K>}.
 *
 * <p>The output coder swaps the input's {@link KvCoder} components. Timestamps and windows are kept.
 *
 * @param <K> the input key type
 * @param <V> the input value type
 */
public final class KvSwap<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<V, K>>> {
  private static final long serialVersionUID = 1L;

  private KvSwap() {}

  /** A KvSwap transform. */
  public static <K, V> KvSwap<K, V> create() {
    return new KvSwap<>();
  }

  @Override
  public PCollection<KV<V, K>> expand(PCollection<KV<K, V>> input) {
    PCollection<KV<V, K>> swapped = input.apply("KvSwap", ParDo.of(new SwapFn<K, V>()));
    Coder<KV<K, V>> coder = input.getCoder();
    if (coder instanceof KvCoder) {
      KvCoder<K, V> kvCoder = (KvCoder<K, V>) coder;
      swapped.setCoder(KvCoder.of(kvCoder.getValueCoder(), kvCoder.getKeyCoder()));
    }
    return swapped;
  }

  private static final class SwapFn<K, V> extends DoFn<KV<K, V>, KV<V, K>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<K, V> element, OutputReceiver<KV<V, K>> out) {
      out.output(KV.of(element.getValue(), element.getKey()));
    }
  }
}
