package dev.weir.sdk.values;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.PTransform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable tuple of {@link PCollection}s of possibly different types, each under a
 * {@link TupleTag}: the output of a multi-output {@code ParDo}, the input of {@code CoGroupByKey}.
 *
 * <p>Order of tags is the order they were added.
 */
public final class PCollectionTuple implements PInput, POutput {
  private final Pipeline pipeline;
  private final Map<TupleTag<?>, PCollection<?>> collections;

  private PCollectionTuple(Pipeline pipeline, Map<TupleTag<?>, PCollection<?>> collections) {
    this.pipeline = pipeline;
    this.collections = Collections.unmodifiableMap(collections);
  }

  /** An empty tuple in {@code pipeline}. */
  public static PCollectionTuple empty(Pipeline pipeline) {
    return new PCollectionTuple(pipeline, new LinkedHashMap<>());
  }

  /** A tuple holding {@code pc} under {@code tag}. */
  public static <T> PCollectionTuple of(TupleTag<T> tag, PCollection<T> pc) {
    return empty(pc.getPipeline()).and(tag, pc);
  }

  /** A tuple holding {@code pc} under a tag with id {@code tag}. */
  public static <T> PCollectionTuple of(String tag, PCollection<T> pc) {
    return of(new TupleTag<>(tag), pc);
  }

  /** A copy of this tuple that also holds {@code pc} under {@code tag}. */
  public <T> PCollectionTuple and(TupleTag<T> tag, PCollection<T> pc) {
    checkArgument(pc.getPipeline() == pipeline, "PCollection %s belongs to another pipeline", pc.getName());
    checkArgument(!collections.containsKey(tag), "PCollectionTuple already has a PCollection under %s", tag);
    Map<TupleTag<?>, PCollection<?>> copy = new LinkedHashMap<>(collections);
    copy.put(tag, pc);
    return new PCollectionTuple(pipeline, copy);
  }

  /** A copy of this tuple that also holds {@code pc} under a tag with id {@code tag}. */
  public <T> PCollectionTuple and(String tag, PCollection<T> pc) {
    return and(new TupleTag<>(tag), pc);
  }

  /** Whether a collection is held under {@code tag}. */
  public boolean has(TupleTag<?> tag) {
    return collections.containsKey(tag);
  }

  /** The collection under {@code tag}; fails naming the tag and the tags present if there is none. */
  @SuppressWarnings("unchecked")
  public <T> PCollection<T> get(TupleTag<T> tag) {
    PCollection<?> pc = collections.get(tag);
    checkArgument(pc != null, "No PCollection under %s; this tuple has %s", tag, collections.keySet());
    return (PCollection<T>) pc;
  }

  /** The collection under the tag with id {@code tag}. */
  public <T> PCollection<T> get(String tag) {
    return get(new TupleTag<T>(tag));
  }

  /** All collections by tag, in order. */
  public Map<TupleTag<?>, PCollection<?>> getAll() {
    return collections;
  }

  /** Applies {@code t} to this tuple. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PCollectionTuple, OutputT> t) {
    return Pipeline.applyTransform(this, t);
  }

  /** Applies {@code t} to this tuple under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PCollectionTuple, OutputT> t) {
    return Pipeline.applyTransform(name, this, t);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(collections));
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {
    int index = 0;
    for (Map.Entry<TupleTag<?>, PCollection<?>> e : collections.entrySet()) {
      e.getValue().setDefaultNameInternal(transformName, e.getKey().getOutName(index++));
    }
  }
}
