package dev.weir.runtime.graph;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One primitive step of a {@link PipelineGraph}: a primitive transform as applied in the pipeline.
 *
 * <p>Immutable (the transform and values are the pipeline's own objects, shared, not copied).
 *
 * @param fullName the unique slash-separated name of the application ("Count/GroupByKey")
 * @param transform the primitive transform
 * @param primitive which primitive {@code transform} is
 * @param mainInputs the collections the step reads, in order (none for a read; several for a flatten)
 * @param sideInputs the views a ParDo reads as side inputs, in order; empty for other steps
 * @param outputs what the step produces, by tag: collections, or a view for {@code CREATE_VIEW}
 */
public record Step(
    String fullName,
    PTransform<?, ?> transform,
    Primitive primitive,
    List<PCollection<?>> mainInputs,
    List<PCollectionView<?>> sideInputs,
    Map<TupleTag<?>, PValue> outputs) {

  public Step {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(primitive, "primitive");
    mainInputs = List.copyOf(mainInputs);
    sideInputs = List.copyOf(sideInputs);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** The single main input; fails if the step has none or several. */
  public PCollection<?> mainInput() {
    checkState(mainInputs.size() == 1, "Step '%s' has %s main inputs, not one", fullName, mainInputs.size());
    return mainInputs.get(0);
  }

  /** The single output; fails if the step has none or several. */
  public PValue output() {
    checkState(outputs.size() == 1, "Step '%s' has %s outputs, not one", fullName, outputs.size());
    return outputs.values().iterator().next();
  }

  /** The single output as a collection; fails if it is not one. */
  public PCollection<?> outputCollection() {
    PValue output = output();
    checkState(output instanceof PCollection, "Step '%s' outputs %s, not a PCollection", fullName, output);
    return (PCollection<?>) output;
  }

  /** The last segment of the full name ("GroupByKey" for "Count/GroupByKey"). */
  public String shortName() {
    return fullName.substring(fullName.lastIndexOf('/') + 1);
  }

  // equals and hashCode are written out rather than generated: a record's generated methods are
  // linked on first call by spinning method-handle classes, dozens for six components, and steps
  // become map keys at the start of every run, where that work is paid inside the run's time.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Step that
        && fullName.equals(that.fullName)
        && transform.equals(that.transform)
        && primitive == that.primitive
        && mainInputs.equals(that.mainInputs)
        && sideInputs.equals(that.sideInputs)
        && outputs.equals(that.outputs);
  }

  /** The full name's hash: unique within a pipeline, and cheaper than hashing the values. */
  @Override
  public int hashCode() {
    return fullName.hashCode();
  }

  @Override
  public String toString() {
    return fullName + " [" + primitive.displayName() + "]";
  }
}
