package dev.weir.sdk.transforms;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * A {@link SerializableFunction} that knows its input and output types: subclass it anonymously,
 * {@code new SimpleFunction<String, Integer>() { public Integer apply(String s) {...} }}, and
 * transforms such as {@code MapElements.via(...)} infer the output coder from the type arguments.
 *
 * <p>Same threading contract as {@link ProcessFunction}; {@link #apply} throws no checked
 * exception.
 *
 * @param <InputT> the input type
 * @param <OutputT> the output type
 */
public abstract class SimpleFunction<InputT, OutputT> extends InferableFunction<InputT, OutputT>
    implements SerializableFunction<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final SerializableFunction<InputT, OutputT> fn;

  /** For subclasses that override {@link #apply}. */
  protected SimpleFunction() {
    this.fn = null;
  }

  /** A function that delegates {@link #apply} to {@code fn}. */
  protected SimpleFunction(SerializableFunction<InputT, OutputT> fn) {
    this.fn = Objects.requireNonNull(fn, "fn");
  }

  /** Wraps {@code fn}, declaring its output type as {@code outputType}. */
  public static <InputT, OutputT> SimpleFunction<InputT, OutputT> fromSerializableFunctionWithOutputType(
      SerializableFunction<InputT, OutputT> fn, TypeDescriptor<OutputT> outputType) {
    return new SimpleFunctionWithOutputType<>(fn, outputType);
  }

  /**
   * Applies the wrapped function; subclasses made with the no-argument constructor must override
   * this method.
   */
  @Override
  public OutputT apply(InputT input) {
    if (fn == null) {
      throw new UnsupportedOperationException(
          getClass().getName() + " was built without a function and does not override apply(InputT)");
    }
    return fn.apply(input);
  }

  private static final class SimpleFunctionWithOutputType<InputT, OutputT> extends SimpleFunction<InputT, OutputT> {
    private static final long serialVersionUID = 1L;
    private final transient TypeDescriptor<OutputT> outputType;

    SimpleFunctionWithOutputType(SerializableFunction<InputT, OutputT> fn, TypeDescriptor<OutputT> outputType) {
      super(fn);
      this.outputType = Objects.requireNonNull(outputType, "outputType");
    }

    @Override
    public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
      // Null after deserialization: the type serves coder inference, which happens before.
      return outputType != null ? outputType : super.getOutputTypeDescriptor();
    }
  }
}
