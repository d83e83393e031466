package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * Removes duplicates: one of each distinct element per window. Elements are compared by their
 * encoding, so the input's coder must be deterministic (applying it otherwise fails, naming the
 * coder). {@link #withRepresentativeValueFn} compares by a derived value instead and keeps one
 * element per representative, which one unspecified. The output has the input's coder.
 *
 * @param <T> the element type
 */
public final class Distinct<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private Distinct() {}

  /** A Distinct of whole elements. */
  public static <T> Distinct<T> create() {
    return new Distinct<>();
  }

  /** Keeps one element for each distinct value of {@code fn(element)}. */
  public static <T, IdT> WithRepresentativeValues<T, IdT> withRepresentativeValueFn(
      SerializableFunction<T, IdT> fn) {
    TypeDescriptor<IdT> type = null;
    if (fn instanceof InferableFunction) {
      @SuppressWarnings("unchecked")
      TypeDescriptor<IdT> declared = ((InferableFunction<T, IdT>) fn).getOutputTypeDescriptor();
      type = declared.hasUnresolvedParameters() ? null : declared;
    }
    return new WithRepresentativeValues<>(Objects.requireNonNull(fn, "fn"), type);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    try {
      coder.verifyDeterministic();
    } catch (Coder.NonDeterministicException e) {
      throw new IllegalStateException("Distinct compares elements by their encoding, but the coder of PCollection '"
          + input.getName() + "' is not deterministic: " + e.getMessage() + ". Fix: set a deterministic coder, or"
          + " use Distinct.withRepresentativeValueFn(...) with a representative that has one.", e);
    }
    return input
        .apply("KeyByElement", ParDo.of(new KeyByElementFn<T>()))
        .setCoder(KvCoder.of(coder, VoidCoder.of()))
        .apply("Combine.perKey(Anything)", Combine.<T, Void, Void>perKey(new AnyVoidFn()))
        .apply("Keys", Keys.create())
        .setCoder(coder);
  }

  /**
   * Keeps one element for each distinct representative value. The representatives' coder comes
   * from {@link #withRepresentativeType}, or from the function's declared output type.
   *
   * @param <T> the element type
   * @param <IdT> the representative type
   */
  public static final class WithRepresentativeValues<T, IdT> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final SerializableFunction<T, IdT> fn;
    // Transient: types are needed only to infer coders while the pipeline is built, and a type
    // holding type variables does not serialize.
    private final transient TypeDescriptor<IdT> representativeType;

    private WithRepresentativeValues(SerializableFunction<T, IdT> fn, TypeDescriptor<IdT> representativeType) {
      this.fn = fn;
      this.representativeType = representativeType;
    }

    /** This transform, inferring the representatives' coder from {@code type}. */
    public WithRepresentativeValues<T, IdT> withRepresentativeType(TypeDescriptor<IdT> type) {
      return new WithRepresentativeValues<>(fn, Objects.requireNonNull(type, "type"));
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      Coder<IdT> idCoder = representativeCoder(input);
      return input
          .apply("KeyByRepresentative", WithKeys.of(fn))
          .setCoder(KvCoder.of(idCoder, input.getCoder()))
          .apply("KeepFirst", Combine.<IdT, T, T>perKey(new KeepFirstFn<T>()))
          .apply("Values", Values.create())
          .setCoder(input.getCoder());
    }

    private Coder<IdT> representativeCoder(PCollection<T> input) {
      if (representativeType == null) {
        throw new IllegalStateException("Distinct.withRepresentativeValueFn on PCollection '" + input.getName()
            + "' cannot infer a coder for the representative values, as their type is unknown."
            + " Fix: call .withRepresentativeType(TypeDescriptor) on it.");
      }
      try {
        return input.getPipeline().getCoderRegistry().getCoder(representativeType);
      } catch (CannotProvideCoderException e) {
        throw new IllegalStateException("Distinct.withRepresentativeValueFn on PCollection '" + input.getName()
            + "' cannot infer a coder for representatives of type " + representativeType + ": " + e.getMessage()
            + ". Fix: register a coder for that type.", e);
      }
    }

    @Override
    protected String getKindString() {
      return "Distinct.WithRepresentativeValues";
    }
  }

  private static final class KeyByElementFn<T> extends DoFn<T, KV<T, Void>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element T element, OutputReceiver<KV<T, Void>> out) {
      out.output(KV.of(element, null));
    }
  }

  /** Combines the (null) values of a key to null: only the key matters. */
  private static final class AnyVoidFn extends Combine.BinaryCombineFn<Void> {
    private static final long serialVersionUID = 1L;

    @Override
    public Void apply(Void left, Void right) {
      return null;
    }
  }

  /** Keeps any one of the elements sharing a representative. */
  private static final class KeepFirstFn<T> extends Combine.BinaryCombineFn<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T apply(T left, T right) {
      return left;
    }
  }
}
