package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.PTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered list of {@link PCollection}s of one type: the input of {@code Flatten},
 * the output of {@code Partition}.
 *
 * @param <T> the element type of every collection in the list
 */
public final class PCollectionList<T> implements PInput, POutput {
  private final Pipeline pipeline;
  private final ImmutableList<PCollection<T>> collections;

  private PCollectionList(Pipeline pipeline, ImmutableList<PCollection<T>> collections) {
    this.pipeline = pipeline;
    this.collections = collections;
  }

  /** An empty list in {@code pipeline}. */
  public static <T> PCollectionList<T> empty(Pipeline pipeline) {
    return new PCollectionList<>(pipeline, ImmutableList.of());
  }

  /** A list of one collection. */
  public static <T> PCollectionList<T> of(PCollection<T> pc) {
    return PCollectionList.<T>empty(pc.getPipeline()).and(pc);
  }

  /** A list of the given collections, which must not be empty. */
  public static <T> PCollectionList<T> of(Iterable<PCollection<T>> pcs) {
    ImmutableList<PCollection<T>> list = ImmutableList.copyOf(pcs);
    checkArgument(!list.isEmpty(), "PCollectionList.of needs at least one PCollection; use empty(pipeline)");
    return PCollectionList.<T>empty(list.get(0).getPipeline()).and(list);
  }

  /** A copy with {@code pc} appended. */
  public PCollectionList<T> and(PCollection<T> pc) {
    checkArgument(pc.getPipeline() == pipeline, "PCollection %s belongs to another pipeline", pc.getName());
    return new PCollectionList<>(pipeline, ImmutableList.<PCollection<T>>builder().addAll(collections).add(pc).build());
  }

  /** A copy with {@code pcs} appended. */
  public PCollectionList<T> and(Iterable<PCollection<T>> pcs) {
    PCollectionList<T> result = this;
    for (PCollection<T> pc : pcs) {
      result = result.and(pc);
    }
    return result;
  }

  public PCollection<T> get(int index) {
    return collections.get(index);
  }

  public int size() {
    return collections.size();
  }

  public List<PCollection<T>> getAll() {
    return collections;
  }

  /** Applies {@code t} to this list. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollectionList<T>, OutputT> t) {
    return Pipeline.applyTransform(this, t);
  }

  /** Applies {@code t} to this list under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PCollectionList<T>, OutputT> t) {
    return Pipeline.applyTransform(name, this, t);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> result = new LinkedHashMap<>();
    for (int i = 0; i < collections.size(); i++) {
      result.put(new TupleTag<>(Integer.toString(i)), collections.get(i));
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {
    for (int i = 0; i < collections.size(); i++) {
      collections.get(i).setDefaultNameInternal(transformName, Integer.toString(i));
    }
  }
}
