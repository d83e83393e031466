package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * Maps each element to exactly one output with a function:
 * {@code MapElements.into(TypeDescriptors.strings()).via(n -> "#" + n)}, or
 * {@code MapElements.via(new SimpleFunction<Integer, String>() {...})}.
 *
 * <p>The output coder is inferred from the output type (given to {@link #into} or read from an
 * {@link InferableFunction}'s type arguments); when the type cannot be resolved, call
 * {@code setCoder} on the output. Timestamps and windows of elements are kept. Immutable: each
 * {@code via} returns a new transform.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the output element type
 */
public final class MapElements<InputT, OutputT> extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
  private static final long serialVersionUID = 1L;

  private final ProcessFunction<InputT, OutputT> fn;
  // Transient: types are needed only to infer coders while the pipeline is built, and a type
  // holding type variables does not serialize.
  private final transient TypeDescriptor<InputT> inputType;
  private final transient TypeDescriptor<OutputT> outputType;

  private MapElements(
      ProcessFunction<InputT, OutputT> fn, TypeDescriptor<InputT> inputType, TypeDescriptor<OutputT> outputType) {
    this.fn = fn;
    this.inputType = inputType;
    this.outputType = outputType;
  }

  /** Starts a MapElements whose output has type {@code outputType}; finish it with {@code via}. */
  public static <OutputT> MapElements<?, OutputT> into(TypeDescriptor<OutputT> outputType) {
    return new MapElements<>(null, null, Objects.requireNonNull(outputType, "outputType"));
  }

  /** Maps with {@code fn}, whose type arguments give the input and output types. */
  public static <InputT, OutputT> MapElements<InputT, OutputT> via(InferableFunction<InputT, OutputT> fn) {
    return new MapElements<>(fn, fn.getInputTypeDescriptor(), fn.getOutputTypeDescriptor());
  }

  /** Maps with {@code fn}, whose type arguments give the input and output types. */
  public static <InputT, OutputT> MapElements<InputT, OutputT> via(SimpleFunction<InputT, OutputT> fn) {
    return via((InferableFunction<InputT, OutputT>) fn);
  }

  /** Maps with {@code fn}, which may throw checked exceptions; needs {@link #into} first. */
  public <NewInputT> MapElements<NewInputT, OutputT> via(ProcessFunction<NewInputT, OutputT> fn) {
    return new MapElements<>(Objects.requireNonNull(fn, "fn"), null, outputType);
  }

  /** Maps with {@code fn}; needs {@link #into} first. */
  public <NewInputT> MapElements<NewInputT, OutputT> via(SerializableFunction<NewInputT, OutputT> fn) {
    return via((ProcessFunction<NewInputT, OutputT>) fn);
  }

  /** The mapping function, or null before {@code via}. */
  public ProcessFunction<InputT, OutputT> getFn() {
    return fn;
  }

  /** The declared output type, or null when neither {@code into} nor the function gave one. */
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return outputType;
  }

  @Override
  public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
    checkState(fn != null, "MapElements applied to '%s' has no function. Fix: call .via(fn) after .into(type).",
        input.getName());
    return input.apply("Map", ParDo.of(new MapFn<>(fn, inputType, outputType)));
  }

  /**
   * Applies a function to each element, declaring the function's types so the ParDo can infer a
   * coder.
   */
  private static final class MapFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
    private static final long serialVersionUID = 1L;

    private final ProcessFunction<InputT, OutputT> fn;
    private final transient TypeDescriptor<InputT> inputType;
    private final transient TypeDescriptor<OutputT> outputType;

    MapFn(ProcessFunction<InputT, OutputT> fn, TypeDescriptor<InputT> inputType, TypeDescriptor<OutputT> outputType) {
      this.fn = fn;
      this.inputType = inputType;
      this.outputType = outputType;
    }

    @ProcessElement
    public void processElement(@Element InputT element, OutputReceiver<OutputT> out) throws Exception {
      out.output(fn.apply(element));
    }

    @Override
    public TypeDescriptor<InputT> getInputTypeDescriptor() {
      return inputType != null ? inputType : super.getInputTypeDescriptor();
    }

    @Override
    public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
      return outputType != null ? outputType : super.getOutputTypeDescriptor();
    }
  }
}
