package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.reflect.DoFnSignature;
import dev.weir.sdk.transforms.reflect.DoFnSignatures;
import dev.weir.sdk.transforms.reflect.StateSpecCoders;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionTuple;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a {@link DoFn} to every element: the general element-wise transform, with one output
 * ({@link SingleOutput}) or several ({@link MultiOutput}), optionally reading side inputs.
 */
public final class ParDo {
  private ParDo() {}

  /** A ParDo that runs {@code fn} over each element and returns its main output. */
  public static <InputT, OutputT> SingleOutput<InputT, OutputT> of(DoFn<InputT, OutputT> fn) {
    Objects.requireNonNull(fn, "DoFn");
    // A malformed DoFn fails here, where the user builds the transform, not when a runner runs it.
    DoFnSignatures.getSignature(fn.getClass());
    return new SingleOutput<>(fn, Map.of());
  }

  private static Map<String, PCollectionView<?>> withViews(
      Map<String, PCollectionView<?>> existing, Iterable<? extends PCollectionView<?>> views) {
    Map<String, PCollectionView<?>> result = new LinkedHashMap<>(existing);
    for (PCollectionView<?> view : views) {
      result.put(view.getTagInternal().getId(), view);
    }
    return Collections.unmodifiableMap(result);
  }

  private static Map<String, PCollectionView<?>> withView(
      Map<String, PCollectionView<?>> existing, String tagId, PCollectionView<?> view) {
    checkArgument(!existing.containsKey(tagId), "A side input is already registered under '%s'", tagId);
    Map<String, PCollectionView<?>> result = new LinkedHashMap<>(existing);
    result.put(tagId, view);
    return Collections.unmodifiableMap(result);
  }

  private static Map<TupleTag<?>, PValue> additionalInputs(Map<String, PCollectionView<?>> sideInputs) {
    Map<TupleTag<?>, PValue> result = new LinkedHashMap<>();
    for (PCollectionView<?> view : sideInputs.values()) {
      result.put(view.getTagInternal(), view);
    }
    return result;
  }

  /**
   * A ParDo with one output.
   *
   * @param <InputT> the input element type
   * @param <OutputT> the output element type
   */
  public static final class SingleOutput<InputT, OutputT>
      extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
    private static final long serialVersionUID = 1L;
    private static final String MAIN_OUTPUT_TAG = "output";

    private final DoFn<InputT, OutputT> fn;
    private final Map<String, PCollectionView<?>> sideInputs;

    private SingleOutput(DoFn<InputT, OutputT> fn, Map<String, PCollectionView<?>> sideInputs) {
      this.fn = fn;
      this.sideInputs = sideInputs;
    }

    /** This ParDo, also reading {@code views} (through {@code ProcessContext.sideInput}). */
    public SingleOutput<InputT, OutputT> withSideInputs(PCollectionView<?>... views) {
      return withSideInputs(List.of(views));
    }

    /** This ParDo, also reading {@code views}. */
    public SingleOutput<InputT, OutputT> withSideInputs(Iterable<? extends PCollectionView<?>> views) {
      return new SingleOutput<>(fn, withViews(sideInputs, views));
    }

    /** This ParDo, also reading {@code view} as the {@code @SideInput(tagId)} parameter. */
    public SingleOutput<InputT, OutputT> withSideInput(String tagId, PCollectionView<?> view) {
      return new SingleOutput<>(fn, withView(sideInputs, tagId, view));
    }

    /** A multi-output ParDo with {@code mainOutputTag} and {@code additionalOutputTags}. */
    public MultiOutput<InputT, OutputT> withOutputTags(
        TupleTag<OutputT> mainOutputTag, TupleTagList additionalOutputTags) {
      return new MultiOutput<>(fn, sideInputs, mainOutputTag, additionalOutputTags);
    }

    public DoFn<InputT, OutputT> getFn() {
      return fn;
    }

    /** The side inputs by the id they are read under. */
    public Map<String, PCollectionView<?>> getSideInputs() {
      return sideInputs;
    }

    @Override
    public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
      TupleTag<OutputT> mainTag = new TupleTag<>(MAIN_OUTPUT_TAG);
      PCollection<OutputT> output =
          input.apply(new MultiOutput<>(fn, sideInputs, mainTag, TupleTagList.empty())).get(mainTag);
      return output;
    }

    @Override
    public Map<TupleTag<?>, PValue> getAdditionalInputs() {
      return additionalInputs(sideInputs);
    }

    @Override
    protected String getKindString() {
      return "ParDo(" + fnName(fn) + ")";
    }
  }

  /**
   * A ParDo with a main output and additional outputs, returned as a {@link PCollectionTuple}. The
   * primitive that runners execute.
   *
   * @param <InputT> the input element type
   * @param <OutputT> the main output element type
   */
  public static final class MultiOutput<InputT, OutputT>
      extends PTransform<PCollection<? extends InputT>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;

    private final DoFn<InputT, OutputT> fn;
    private final Map<String, PCollectionView<?>> sideInputs;
    private final TupleTag<OutputT> mainOutputTag;
    private final TupleTagList additionalOutputTags;

    private MultiOutput(
        DoFn<InputT, OutputT> fn,
        Map<String, PCollectionView<?>> sideInputs,
        TupleTag<OutputT> mainOutputTag,
        TupleTagList additionalOutputTags) {
      this.fn = fn;
      this.sideInputs = sideInputs;
      this.mainOutputTag = Objects.requireNonNull(mainOutputTag, "mainOutputTag");
      this.additionalOutputTags = Objects.requireNonNull(additionalOutputTags, "additionalOutputTags");
      checkArgument(
          !additionalOutputTags.getAll().contains(mainOutputTag),
          "The main output tag %s is also listed as an additional output tag",
          mainOutputTag);
    }

    /** This ParDo, also reading {@code views}. */
    public MultiOutput<InputT, OutputT> withSideInputs(PCollectionView<?>... views) {
      return withSideInputs(List.of(views));
    }

    /** This ParDo, also reading {@code views}. */
    public MultiOutput<InputT, OutputT> withSideInputs(Iterable<? extends PCollectionView<?>> views) {
      return new MultiOutput<>(fn, withViews(sideInputs, views), mainOutputTag, additionalOutputTags);
    }

    /** This ParDo, also reading {@code view} as the {@code @SideInput(tagId)} parameter. */
    public MultiOutput<InputT, OutputT> withSideInput(String tagId, PCollectionView<?> view) {
      return new MultiOutput<>(fn, withView(sideInputs, tagId, view), mainOutputTag, additionalOutputTags);
    }

    public DoFn<InputT, OutputT> getFn() {
      return fn;
    }

    public Map<String, PCollectionView<?>> getSideInputs() {
      return sideInputs;
    }

    public TupleTag<OutputT> getMainOutputTag() {
      return mainOutputTag;
    }

    public TupleTagList getAdditionalOutputTags() {
      return additionalOutputTags;
    }

    @Override
    public PCollectionTuple expand(PCollection<? extends InputT> input) {
      validate(input);
      PCollectionTuple outputs = PCollectionTuple.empty(input.getPipeline());
      outputs = outputs.and(mainOutputTag, output(input, mainOutputTag, fn.getOutputTypeDescriptor()));
      for (TupleTag<?> tag : additionalOutputTags.getAll()) {
        outputs = addOutput(outputs, input, tag);
      }
      return outputs;
    }

    private void validate(PCollection<? extends InputT> input) {
      DoFnSignature signature = DoFnSignatures.getSignature(fn.getClass());
      if (signature.isStateful()) {
        validateStateful(input);
      }
      DoFnSignature.ProcessElementMethod process = signature.processElement();
      for (String id : process.sideInputIds()) {
        checkArgument(sideInputs.containsKey(id),
            "ParDo of %s: method %s reads @SideInput(\"%s\") but no side input is registered under that id "
                + "(registered ids: %s); add .withSideInput(\"%s\", view) to the ParDo",
            fn.getClass().getName(), process.targetMethod().getName(), id, sideInputs.keySet(), id);
      }
      TypeDescriptor<?> taken = process.windowType();
      WindowFn<?, ?> windowFn = input.getWindowingStrategy().getWindowFn();
      TypeDescriptor<?> actual = windowFn.getWindowTypeDescriptor();
      if (taken != null && !actual.hasUnresolvedParameters()) {
        checkArgument(taken.isSupertypeOf(actual),
            "ParDo of %s: method %s takes a window of type %s, but its input %s is windowed into %s by %s",
            fn.getClass().getName(), process.targetMethod().getName(), taken, input.getName(), actual, windowFn);
      }
    }

    /** Beam's rules for state and timers: keyed input, deterministic keys, non-merging windows; then state coders. */
    private void validateStateful(PCollection<? extends InputT> input) {
      Coder<?> coder = input.getCoder();
      checkArgument(coder instanceof KvCoder,
          "ParDo of %s uses state or timers, so its input must be keyed: a PCollection of KV with a KvCoder, but %s "
              + "has coder %s; key it first (for example with WithKeys) or give it a KvCoder",
          fn.getClass().getName(), input.getName(), coder);
      Coder<?> keyCoder = ((KvCoder<?, ?>) coder).getKeyCoder();
      try {
        keyCoder.verifyDeterministic();
      } catch (Coder.NonDeterministicException e) {
        throw new IllegalArgumentException(String.format(
            "ParDo of %s uses state or timers, which are kept per encoded key, so the key coder %s of %s must be "
                + "deterministic: %s", fn.getClass().getName(), keyCoder, input.getName(), e.getMessage()), e);
      }
      WindowFn<?, ?> windowFn = input.getWindowingStrategy().getWindowFn();
      checkArgument(windowFn.isNonMerging(),
          "ParDo of %s uses state or timers, which need non-merging windows, but %s is windowed by %s, which merges; "
              + "window it with a non-merging WindowFn such as FixedWindows first",
          fn.getClass().getName(), input.getName(), windowFn);
      StateSpecCoders.finishSpecifying(fn, input.getPipeline().getCoderRegistry(), coder);
    }

    private <T> PCollectionTuple addOutput(
        PCollectionTuple outputs, PCollection<? extends InputT> input, TupleTag<T> tag) {
      return outputs.and(tag, output(input, tag, tag.getTypeDescriptor()));
    }

    private <T> PCollection<T> output(
        PCollection<? extends InputT> input, TupleTag<T> tag, TypeDescriptor<T> type) {
      PCollection<T> pc = PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), input.getWindowingStrategy(), input.isBounded(), null);
      if (!type.hasUnresolvedParameters() && !type.getRawType().equals(Object.class)) {
        pc.setTypeDescriptor(type);
      }
      // A DoFn whose output type mentions its input's type variables (a generic identity DoFn,
      // say) gets its output coder from the input coder.
      pc.setCoderInferenceInternal(() -> inferFromInput(input, type));
      return pc;
    }

    @SuppressWarnings("unchecked")
    private <T> Coder<T> inferFromInput(PCollection<? extends InputT> input, TypeDescriptor<T> type) {
      try {
        return input.getPipeline().getCoderRegistry().getCoder(
            type, (TypeDescriptor<InputT>) fn.getInputTypeDescriptor(), (Coder<InputT>) input.getCoder());
      } catch (CannotProvideCoderException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public Map<TupleTag<?>, PValue> getAdditionalInputs() {
      return additionalInputs(sideInputs);
    }

    @Override
    protected String getKindString() {
      return "ParMultiDo(" + fnName(fn) + ")";
    }
  }

  private static String fnName(DoFn<?, ?> fn) {
    Class<?> type = fn.getClass();
    String simple = type.getSimpleName();
    if (simple.isEmpty()) {
      String full = type.getName();
      simple = full.substring(full.lastIndexOf('.') + 1);
    }
    return simple;
  }
}
