package dev.weir.sdk.values;

import dev.weir.sdk.transforms.PTransform;

/** A single value in a pipeline graph: a {@link PCollection} or a {@link PCollectionView}. */
public interface PValue extends PInput, POutput {
  /** The unique, human-readable name of this value within its pipeline. */
  String getName();

  /**
   * Fixes everything that was left to inference (names, coders) before the value is consumed or
   * the pipeline runs. Not for user code; safe to call more than once.
   */
  void finishSpecifying(PInput input, PTransform<?, ?> transform);
}
