package dev.weir.sdk.values;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.PTransform;
import java.util.Map;

/** The output of a transform that produces nothing further, such as a sink. */
public final class PDone implements POutput {
  private final Pipeline pipeline;

  private PDone(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** An empty output of {@code pipeline}. */
  public static PDone in(Pipeline pipeline) {
    return new PDone(pipeline);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of();
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
