package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * Pairs each element with a key: computed by a function ({@code WithKeys.of(word -> word.length())})
 * or a constant ({@code WithKeys.of("all")}).
 *
 * <p>The output coder is a {@link KvCoder} of the key coder and the input's coder. The key coder
 * comes from the type given to {@link #withKeyType}, else from the constant key's class or an
 * {@link InferableFunction}'s output type; when none is known (a lambda, or a null constant) call
 * {@code withKeyType} or set the output's coder. Timestamps and windows are kept.
 *
 * @param <K> the key type
 * @param <V> the element (value) type
 */
public final class WithKeys<K, V> extends PTransform<PCollection<V>, PCollection<KV<K, V>>> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<V, K> fn;
  // Transient: types are needed only to infer coders while the pipeline is built, and a type
  // holding type variables does not serialize.
  private final transient TypeDescriptor<K> keyType;

  private WithKeys(SerializableFunction<V, K> fn, TypeDescriptor<K> keyType) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.keyType = keyType;
  }

  /** Keys each element by {@code fn(element)}. */
  public static <K, V> WithKeys<K, V> of(SerializableFunction<V, K> fn) {
    TypeDescriptor<K> keyType = null;
    if (fn instanceof InferableFunction) {
      @SuppressWarnings("unchecked")
      TypeDescriptor<K> declared = ((InferableFunction<V, K>) fn).getOutputTypeDescriptor();
      keyType = declared.hasUnresolvedParameters() ? null : declared;
    }
    return new WithKeys<>(fn, keyType);
  }

  /** Keys every element by {@code key}, which may be null. */
  public static <K, V> WithKeys<K, V> of(K key) {
    @SuppressWarnings("unchecked")
    TypeDescriptor<K> keyType = key == null ? null : (TypeDescriptor<K>) TypeDescriptor.of(key.getClass());
    return new WithKeys<>(new ConstantKey<>(key), keyType);
  }

  /** This transform, inferring the key coder from {@code keyType}. */
  public WithKeys<K, V> withKeyType(TypeDescriptor<K> keyType) {
    return new WithKeys<>(fn, Objects.requireNonNull(keyType, "keyType"));
  }

  @Override
  public PCollection<KV<K, V>> expand(PCollection<V> input) {
    PCollection<KV<K, V>> keyed = input.apply("AddKeys", ParDo.of(new AddKeysFn<>(fn)));
    Coder<V> valueCoder = input.getCoder();
    keyed.setCoderInferenceInternal(() -> KvCoder.of(keyCoder(input), valueCoder));
    return keyed;
  }

  private Coder<K> keyCoder(PCollection<V> input) {
    if (keyType == null) {
      throw new IllegalStateException(
          "WithKeys cannot infer a coder for the keys, as their type is unknown."
              + " Fix: call .withKeyType(TypeDescriptor) on WithKeys, or setCoder(KvCoder.of(...)) on its output");
    }
    try {
      return input.getPipeline().getCoderRegistry().getCoder(keyType);
    } catch (CannotProvideCoderException e) {
      throw new IllegalStateException(
          "WithKeys cannot infer a coder for keys of type " + keyType + ": " + e.getMessage()
              + ". Fix: register a coder for it, or setCoder(KvCoder.of(...)) on the output",
          e);
    }
  }

  private static final class ConstantKey<K, V> implements SerializableFunction<V, K> {
    private static final long serialVersionUID = 1L;
    private final K key;

    ConstantKey(K key) {
      this.key = key;
    }

    @Override
    public K apply(V input) {
      return key;
    }
  }

  private static final class AddKeysFn<K, V> extends DoFn<V, KV<K, V>> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<V, K> fn;

    AddKeysFn(SerializableFunction<V, K> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void processElement(@Element V element, OutputReceiver<KV<K, V>> out) {
      out.output(KV.of(fn.apply(element), element));
    }
  }
}
