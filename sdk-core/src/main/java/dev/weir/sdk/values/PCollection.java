package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.PTransform;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable, possibly unbounded collection of elements of type {@code T}, each with a
 * timestamp and windows: the data that flows between transforms.
 *
 * <p>A PCollection is made by applying a transform, never directly. Its coder and name may be
 * set until it is first consumed (or the pipeline runs); after that they are fixed and setters
 * fail. Not thread-safe: a pipeline is built by one thread.
 *
 * @param <T> the element type
 */
public class PCollection<T> implements PValue {

  /** Whether a collection has a known, finite size. */
  public enum IsBounded {
    BOUNDED,
    UNBOUNDED;

    /** UNBOUNDED if either is. */
    public IsBounded and(IsBounded other) {
      return this == BOUNDED && other == BOUNDED ? BOUNDED : UNBOUNDED;
    }
  }

  private final Pipeline pipeline;
  private final WindowingStrategy<?, ?> windowingStrategy;
  private final IsBounded isBounded;
  private String name;
  private boolean nameSet;
  private Coder<T> coder;
  private TypeDescriptor<T> typeDescriptor;
  private Supplier<Coder<T>> coderInference;
  private boolean finished;
  private String producerName = "(unknown transform)";

  private PCollection(
      Pipeline pipeline, WindowingStrategy<?, ?> windowingStrategy, IsBounded isBounded, Coder<T> coder) {
    this.pipeline = pipeline;
    this.windowingStrategy = windowingStrategy;
    this.isBounded = isBounded;
    this.coder = coder;
    this.name = "PCollection@" + Integer.toHexString(System.identityHashCode(this));
  }

  /**
   * Makes the output of a primitive transform. Not for user code: composites return the outputs of
   * the transforms they apply. {@code coder} may be null, to be inferred later.
   */
  public static <T> PCollection<T> createPrimitiveOutputInternal(
      Pipeline pipeline, WindowingStrategy<?, ?> windowingStrategy, IsBounded isBounded, Coder<T> coder) {
    return new PCollection<>(pipeline, windowingStrategy, isBounded, coder);
  }

  /** Applies {@code t} to this collection. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollection<T>, OutputT> t) {
    return Pipeline.applyTransform(this, t);
  }

  /** Applies {@code t} to this collection under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PCollection<T>, OutputT> t) {
    return Pipeline.applyTransform(name, this, t);
  }

  @Override
  public String getName() {
    return name;
  }

  /** Renames this collection; only before it is consumed. */
  public PCollection<T> setName(String name) {
    checkState(!finished, "Cannot rename PCollection %s: it has already been consumed", this.name);
    checkArgument(name != null && !name.isEmpty(), "a PCollection name must not be empty");
    this.name = name;
    this.nameSet = true;
    return this;
  }

  /** Sets the coder of the elements; only before the collection is consumed. */
  public PCollection<T> setCoder(Coder<T> coder) {
    checkState(!finished, "Cannot set the coder of PCollection '%s': it has already been consumed", name);
    this.coder = Objects.requireNonNull(coder, "coder");
    return this;
  }

  /** Sets the element type, from which a coder can be inferred. */
  public PCollection<T> setTypeDescriptor(TypeDescriptor<T> type) {
    checkState(!finished, "Cannot set the type of PCollection '%s': it has already been consumed", name);
    this.typeDescriptor = type;
    return this;
  }

  /**
   * Sets a way for the producing transform to infer this collection's coder (from its inputs'
   * coders, say), tried before inference by type. Not for user code.
   */
  public void setCoderInferenceInternal(Supplier<Coder<T>> inference) {
    this.coderInference = inference;
  }

  /** The element type, or null when unknown. */
  public TypeDescriptor<T> getTypeDescriptor() {
    return typeDescriptor;
  }

  /** Whether a coder has been set or can be inferred. */
  public boolean hasCoder() {
    if (coder != null) {
      return true;
    }
    try {
      inferCoder();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * The coder of the elements: the one set, else one inferred from the producing transform or
   * from the element type through the pipeline's {@link dev.weir.sdk.coders.CoderRegistry}.
   *
   * @throws IllegalStateException naming this collection, its type and the fix when there is none
   */
  public Coder<T> getCoder() {
    if (coder == null) {
      coder = inferCoder();
    }
    return coder;
  }

  private Coder<T> inferCoder() {
    String reason = null;
    if (coderInference != null) {
      try {
        Coder<T> inferred = coderInference.get();
        if (inferred != null) {
          return inferred;
        }
      } catch (IllegalStateException | IllegalArgumentException e) {
        reason = e.getMessage();
      }
    }
    if (typeDescriptor != null && !typeDescriptor.getRawType().equals(Object.class)) {
      try {
        return pipeline.getCoderRegistry().getCoder(typeDescriptor);
      } catch (CannotProvideCoderException e) {
        reason = e.getMessage();
      }
    }
    String type = typeDescriptor == null ? "an unknown type" : "type " + typeDescriptor;
    throw new IllegalStateException(
        "Unable to infer a coder for PCollection '" + name + "' (output of '" + producerName + "') of " + type
            + ": " + (reason != null ? reason + ". " : "")
            + "Fix: call .setCoder(...) on this PCollection, or give the producing transform an output type"
            + " (for example MapElements.into(TypeDescriptors.strings())) so a coder can be inferred.");
  }

  /** How elements are windowed and triggered. */
  public WindowingStrategy<?, ?> getWindowingStrategy() {
    return windowingStrategy;
  }

  public IsBounded isBounded() {
    return isBounded;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<>(name), this);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {
    if (!nameSet) {
      name = transformName + ".out";
      nameSet = true;
    }
    if ("(unknown transform)".equals(producerName)) {
      producerName = transformName;
    }
  }

  /** Names this collection after its producer's output tag; called for multi-output transforms. */
  public void setDefaultNameInternal(String transformName, String outName) {
    if (!nameSet) {
      name = transformName + "." + outName;
      nameSet = true;
    }
    if ("(unknown transform)".equals(producerName)) {
      producerName = transformName;
    }
  }

  @Override
  public void finishSpecifying(PInput input, PTransform<?, ?> transform) {
    if (finished) {
      return;
    }
    getCoder();
    finished = true;
  }

  @Override
  public String toString() {
    return name + " [PCollection]";
  }
}
