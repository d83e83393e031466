package dev.weir.sdk.transforms;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * A {@link ProcessFunction} that knows its input and output types, so that a transform using it
 * can infer its output coder.
 *
 * <p>Subclass it anonymously ({@code new InferableFunction<String, Integer>() {...}}) and the
 * types are read from the type arguments; or wrap a function with
 * {@link #fromProcessFunctionWithOutputType} when only the output type is known. A type that
 * cannot be resolved (a type variable) makes coder inference fall back to the input's coder or
 * fail, asking for an explicit coder. Same threading contract as {@link ProcessFunction}.
 *
 * @param <InputT> the input type
 * @param <OutputT> the output type
 */
public abstract class InferableFunction<InputT, OutputT> implements ProcessFunction<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final ProcessFunction<InputT, OutputT> fn;

  /** For subclasses that override {@link #apply}. */
  protected InferableFunction() {
    this.fn = null;
  }

  /** A function that delegates {@link #apply} to {@code fn}. */
  protected InferableFunction(ProcessFunction<InputT, OutputT> fn) {
    this.fn = Objects.requireNonNull(fn, "fn");
  }

  /** Wraps {@code fn}, declaring its output type as {@code outputType}. */
  public static <InputT, OutputT> InferableFunction<InputT, OutputT> fromProcessFunctionWithOutputType(
      ProcessFunction<InputT, OutputT> fn, TypeDescriptor<OutputT> outputType) {
    return new InferableFunctionWithOutputType<>(fn, outputType);
  }

  /**
   * Applies the wrapped function; subclasses made with the no-argument constructor must override
   * this method.
   */
  @Override
  public OutputT apply(InputT input) throws Exception {
    if (fn == null) {
      throw new UnsupportedOperationException(
          getClass().getName() + " was built without a function and does not override apply(InputT)");
    }
    return fn.apply(input);
  }

  /** The input type, as far as this class's type arguments tell. */
  public TypeDescriptor<InputT> getInputTypeDescriptor() {
    return new TypeDescriptor<InputT>(this) {};
  }

  /** The output type, as far as this class's type arguments tell. */
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return new TypeDescriptor<OutputT>(this) {};
  }

  private static final class InferableFunctionWithOutputType<InputT, OutputT>
      extends InferableFunction<InputT, OutputT> {
    private static final long serialVersionUID = 1L;
    private final transient TypeDescriptor<OutputT> outputType;

    InferableFunctionWithOutputType(ProcessFunction<InputT, OutputT> fn, TypeDescriptor<OutputT> outputType) {
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
