package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;

/**
 * Takes the value of each {@link KV}: {@code PCollection<KV<K, V>>} to {@code PCollection<V>}.
 *
 * <p>The output coder is the input's value coder when the input has a {@link KvCoder}. Timestamps
 * and windows are kept.
 *
 * @param <V> the value type
 */
public final class Values<V> extends PTransform<PCollection<? extends KV<?, V>>, PCollection<V>> {
  private static final long serialVersionUID = 1L;

  private Values() {}

  /** A Values transform. */
  public static <V> Values<V> create() {
    return new Values<>();
  }

  @Override
  @SuppressWarnings("unchecked")
  public PCollection<V> expand(PCollection<? extends KV<?, V>> input) {
    PCollection<V> values = input.apply("Values", ParDo.of(new ValueFn<V>()));
    Coder<?> coder = input.getCoder();
    if (coder instanceof KvCoder) {
      values.setCoder(((KvCoder<?, V>) coder).getValueCoder());
    }
    return values;
  }

  private static final class ValueFn<V> extends DoFn<KV<?, V>, V> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<?, V> element, OutputReceiver<V> out) {
      out.output(element.getValue());
    }
  }
}
