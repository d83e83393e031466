package dev.weir.sdk.values;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.PTransform;
import java.util.Map;

/** What a {@link PTransform} produces. */
public interface POutput {
  /** The pipeline this output belongs to. */
  Pipeline getPipeline();

  /** The {@link PValue}s this output is made of, by tag, in a stable order. */
  Map<TupleTag<?>, PValue> expand();

  /**
   * Called once the transform that produced this output has finished expanding; lets outputs take
   * their default names. Not for user code.
   */
  void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform);
}
