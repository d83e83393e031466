package dev.weir.sdk.values;

import dev.weir.sdk.Pipeline;
import java.util.Map;

/** What a {@link dev.weir.sdk.transforms.PTransform} may be applied to. */
public interface PInput {
  /** The pipeline this input belongs to. */
  Pipeline getPipeline();

  /** The {@link PValue}s this input is made of, by tag, in a stable order. */
  Map<TupleTag<?>, PValue> expand();
}
