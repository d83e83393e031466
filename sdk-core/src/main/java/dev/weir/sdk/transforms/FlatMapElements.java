package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Objects;

/**
 * Maps each element to any number of outputs with a function returning an {@link Iterable}:
 * {@code FlatMapElements.into(TypeDescriptors.strings()).via(line -> Arrays.asList(line.split(" ")))}.
 *
 * <p>The output coder is inferred from the output element type (given to {@link #into}, or the
 * element type of the iterable an {@link InferableFunction} declares); when it cannot be resolved,
 * call {@code setCoder} on the output. Outputs keep the input element's timestamp and windows.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the output element type
 */
public final class FlatMapElements<InputT, OutputT>
    extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
  private static final long serialVersionUID = 1L;

  private final ProcessFunction<InputT, ? extends Iterable<OutputT>> fn;
  // Transient: types are needed only to infer coders while the pipeline is built, and a type
  // holding type variables does not serialize.
  private final transient TypeDescriptor<InputT> inputType;
  private final transient TypeDescriptor<OutputT> outputType;

  private FlatMapElements(
      ProcessFunction<InputT, ? extends Iterable<OutputT>> fn,
      TypeDescriptor<InputT> inputType,
      TypeDescriptor<OutputT> outputType) {
    this.fn = fn;
    this.inputType = inputType;
    this.outputType = outputType;
  }

  /** Starts a FlatMapElements whose outputs have type {@code outputType}; finish it with {@code via}. */
  public static <OutputT> FlatMapElements<?, OutputT> into(TypeDescriptor<OutputT> outputType) {
    return new FlatMapElements<>(null, null, Objects.requireNonNull(outputType, "outputType"));
  }

  /** Flat-maps with {@code fn}, whose type arguments give the input and output types. */
  public static <InputT, OutputT> FlatMapElements<InputT, OutputT> via(
      InferableFunction<InputT, ? extends Iterable<OutputT>> fn) {
    return new FlatMapElements<>(fn, fn.getInputTypeDescriptor(), elementType(fn.getOutputTypeDescriptor()));
  }

  /** Flat-maps with {@code fn}, whose type arguments give the input and output types. */
  public static <InputT, OutputT> FlatMapElements<InputT, OutputT> via(
      SimpleFunction<InputT, ? extends Iterable<OutputT>> fn) {
    return via((InferableFunction<InputT, ? extends Iterable<OutputT>>) fn);
  }

  /** Flat-maps with {@code fn}, which may throw checked exceptions; needs {@link #into} first. */
  public <NewInputT> FlatMapElements<NewInputT, OutputT> via(
      ProcessFunction<NewInputT, ? extends Iterable<OutputT>> fn) {
    return new FlatMapElements<>(Objects.requireNonNull(fn, "fn"), null, outputType);
  }

  /** Flat-maps with {@code fn}; needs {@link #into} first. */
  public <NewInputT> FlatMapElements<NewInputT, OutputT> via(
      SerializableFunction<NewInputT, ? extends Iterable<OutputT>> fn) {
    return via((ProcessFunction<NewInputT, ? extends Iterable<OutputT>>) fn);
  }

  /** The element type of the iterable type {@code iterableType}, or null if it is not resolved. */
  @SuppressWarnings("unchecked")
  private static <OutputT> TypeDescriptor<OutputT> elementType(TypeDescriptor<? extends Iterable<OutputT>> iterableType) {
    if (iterableType.hasUnresolvedParameters() || !Iterable.class.isAssignableFrom(iterableType.getRawType())) {
      return null;
    }
    TypeDescriptor<?> element = iterableType.resolveType(Iterable.class.getTypeParameters()[0]);
    return element.hasUnresolvedParameters() ? null : (TypeDescriptor<OutputT>) element;
  }

  @Override
  public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
    checkState(fn != null, "FlatMapElements applied to '%s' has no function. Fix: call .via(fn) after .into(type).",
        input.getName());
    return input.apply("FlatMap", ParDo.of(new FlatMapFn<>(fn, inputType, outputType)));
  }

  private static final class FlatMapFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
    private static final long serialVersionUID = 1L;

    private final ProcessFunction<InputT, ? extends Iterable<OutputT>> fn;
    private final transient TypeDescriptor<InputT> inputType;
    private final transient TypeDescriptor<OutputT> outputType;

    FlatMapFn(
        ProcessFunction<InputT, ? extends Iterable<OutputT>> fn,
        TypeDescriptor<InputT> inputType,
        TypeDescriptor<OutputT> outputType) {
      this.fn = fn;
      this.inputType = inputType;
      this.outputType = outputType;
    }

    @ProcessElement
    public void processElement(@Element InputT element, OutputReceiver<OutputT> out) throws Exception {
      for (OutputT output : fn.apply(element)) {
        out.output(output);
      }
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
