package dev.weir.runtime.state;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link StatefulDoFnCore} needs to know about the {@code ParDo} step it runs.
 *
 * @param stepName the full name of the step, for messages
 * @param fn the DoFn instance, already set up, used by the core's thread only
 * @param inputCoder the coder of the step's input; its key coder must be deterministic
 * @param windowingStrategy the windowing of the input: non-merging windows; its allowed lateness
 *     decides when windows expire
 * @param mainOutputTag the tag of the main output
 * @param additionalOutputTags the other declared output tags
 * @param sideInputMapping the step's side inputs by the id they are registered under
 * @param options the pipeline's options, passed to user code; may be null
 * @param <K> the key type
 * @param <InputT> the value type of the input
 * @param <OutputT> the main output type
 */
public record StatefulStep<K, InputT, OutputT>(
    String stepName,
    DoFn<KV<K, InputT>, OutputT> fn,
    KvCoder<K, InputT> inputCoder,
    WindowingStrategy<?, ?> windowingStrategy,
    TupleTag<OutputT> mainOutputTag,
    List<TupleTag<?>> additionalOutputTags,
    Map<String, PCollectionView<?>> sideInputMapping,
    PipelineOptions options) {

  public StatefulStep {
    Objects.requireNonNull(stepName, "stepName");
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(inputCoder, "inputCoder");
    Objects.requireNonNull(windowingStrategy, "windowingStrategy");
    Objects.requireNonNull(mainOutputTag, "mainOutputTag");
    additionalOutputTags = List.copyOf(additionalOutputTags);
    sideInputMapping = Map.copyOf(sideInputMapping);
  }

  /** A step with only a main output, no side inputs and no options. */
  public static <K, InputT, OutputT> StatefulStep<K, InputT, OutputT> of(
      String stepName,
      DoFn<KV<K, InputT>, OutputT> fn,
      KvCoder<K, InputT> inputCoder,
      WindowingStrategy<?, ?> windowingStrategy,
      TupleTag<OutputT> mainOutputTag) {
    return new StatefulStep<>(stepName, fn, inputCoder, windowingStrategy, mainOutputTag, List.of(), Map.of(), null);
  }
}
