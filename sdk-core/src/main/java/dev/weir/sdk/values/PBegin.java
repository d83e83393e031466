package dev.weir.sdk.values;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.PTransform;
import java.util.Map;

/** The input of root transforms (sources, {@code Create}): the beginning of a pipeline. */
public final class PBegin implements PInput {
  private final Pipeline pipeline;

  private PBegin(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The beginning of {@code pipeline}. */
  public static PBegin in(Pipeline pipeline) {
    return new PBegin(pipeline);
  }

  /** Applies a root transform. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PBegin, OutputT> t) {
    return Pipeline.applyTransform(this, t);
  }

  /** Applies a root transform under a name. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PBegin, OutputT> t) {
    return Pipeline.applyTransform(name, this, t);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of();
  }
}
