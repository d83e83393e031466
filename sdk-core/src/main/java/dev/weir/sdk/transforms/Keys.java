package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;

/**
 * Takes the key of each {@link KV}: {@code PCollection<KV<K, V>>} to {@code PCollection<K>}.
 *
 * <p>The output coder is the input's key coder when the input has a {@link KvCoder}. Timestamps
 * and windows are kept.
 *
 * @param <K> the key type
 */
public final class Keys<K> extends PTransform<PCollection<? extends KV<K, ?>>, PCollection<K>> {
  private static final long serialVersionUID = 1L;

  private Keys() {}

  /** A Keys transform. */
  public static <K> Keys<K> create() {
    return new Keys<>();
  }

  @Override
  @SuppressWarnings("unchecked")
  public PCollection<K> expand(PCollection<? extends KV<K, ?>> input) {
    PCollection<K> keys = input.apply("Keys", ParDo.of(new KeyFn<K>()));
    Coder<?> coder = input.getCoder();
    if (coder instanceof KvCoder) {
      keys.setCoder(((KvCoder<K, ?>) coder).getKeyCoder());
    }
    return keys;
  }

  private static final class KeyFn<K> extends DoFn<KV<K, ?>, K> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<K, ?> element, OutputReceiver<K> out) {
      out.output(element.getKey());
    }
  }
}
