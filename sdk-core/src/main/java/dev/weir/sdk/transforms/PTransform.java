package dev.weir.sdk.transforms;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.io.Serializable;
import java.util.Map;

/**
 * A step of a pipeline: turns an input ({@link PInput}) into an output ({@link POutput}).
 *
 * <p>A composite transform implements {@link #expand} by applying other transforms; a handful
 * of primitives ({@code ParDo}, {@code GroupByKey}, {@code Flatten}, {@code Window.Assign},
 * {@code Read}, {@code View.CreatePCollectionView}) are executed by runners. Transforms are
 * serializable and should be immutable: the same instance may be applied more than once, and
 * {@code expand} is called once per application, by the thread building the pipeline.
 *
 * @param <InputT> the input type
 * @param <OutputT> the output type
 */
public abstract class PTransform<InputT extends PInput, OutputT extends POutput> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The user-given name, or null to use {@link #getKindString()}. */
  protected final transient String name;

  protected PTransform() {
    this.name = null;
  }

  protected PTransform(String name) {
    this.name = name;
  }

  /** Builds this transform's output by applying other transforms to {@code input}. */
  public abstract OutputT expand(InputT input);

  /** Checks the transform against the pipeline's options before it expands; throws if invalid. */
  public void validate(PipelineOptions options) {}

  /** Inputs read besides the main input, such as side inputs; runners schedule around them. */
  public Map<TupleTag<?>, PValue> getAdditionalInputs() {
    return Map.of();
  }

  /** The name this transform is applied under unless another is given. */
  public String getName() {
    return name != null ? name : getKindString();
  }

  /** A short description of the kind of transform, the default name. */
  protected String getKindString() {
    Class<?> type = getClass();
    String simple = type.getSimpleName();
    if (simple.isEmpty()) {
      // Anonymous subclasses are named after their enclosing class.
      String full = type.getName();
      simple = full.substring(full.lastIndexOf('.') + 1);
    }
    return simple;
  }

  @Override
  public String toString() {
    return name == null ? getKindString() : name + " [" + getKindString() + "]";
  }
}
