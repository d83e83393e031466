package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import dev.weir.sdk.values.PCollectionTuple;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits a collection into a fixed number of collections, each element going to the one a
 * {@link PartitionFn} chooses: {@code Partition.of(10, (student, n) -> student.grade() / 10)}.
 *
 * <p>The outputs have the input's coder, timestamps and windows, and come back as a
 * {@link PCollectionList} of exactly {@code numPartitions} collections, in partition order. A
 * PartitionFn returning an index outside {@code [0, numPartitions)} fails the pipeline, naming the
 * index, the number of partitions and the element.
 *
 * @param <T> the element type
 */
public final class Partition<T> extends PTransform<PCollection<T>, PCollectionList<T>> {
  private static final long serialVersionUID = 1L;

  /**
   * Chooses the partition of an element: an index in {@code [0, numPartitions)}. Serializable and
   * stateless; called from any thread.
   *
   * @param <T> the element type
   */
  @FunctionalInterface
  public interface PartitionFn<T> extends Serializable {
    /** The index of the partition {@code elem} goes to, in {@code [0, numPartitions)}. */
    int partitionFor(T elem, int numPartitions);
  }

  private final int numPartitions;
  private final PartitionFn<? super T> partitionFn;

  private Partition(int numPartitions, PartitionFn<? super T> partitionFn) {
    this.numPartitions = numPartitions;
    this.partitionFn = partitionFn;
  }

  /** Splits into {@code numPartitions} (at least 1) collections by {@code partitionFn}. */
  public static <T> Partition<T> of(int numPartitions, PartitionFn<? super T> partitionFn) {
    checkArgument(numPartitions > 0, "Partition.of(%s, ...): the number of partitions must be positive",
        numPartitions);
    return new Partition<>(numPartitions, Objects.requireNonNull(partitionFn, "partitionFn"));
  }

  public int getNumPartitions() {
    return numPartitions;
  }

  public PartitionFn<? super T> getPartitionFn() {
    return partitionFn;
  }

  @Override
  public PCollectionList<T> expand(PCollection<T> input) {
    List<TupleTag<T>> tags = new ArrayList<>(numPartitions);
    for (int i = 0; i < numPartitions; i++) {
      tags.add(new TupleTag<T>("out" + i));
    }
    TupleTagList additional = TupleTagList.empty();
    for (TupleTag<T> tag : tags.subList(1, numPartitions)) {
      additional = additional.and(tag);
    }
    PCollectionTuple outputs = input.apply(
        "ParDo(" + partitionFnName() + ")",
        ParDo.of(new PartitionDoFn<T>(Collections.unmodifiableList(tags), partitionFn))
            .withOutputTags(tags.get(0), additional));
    Coder<T> coder = input.getCoder();
    PCollectionList<T> result = PCollectionList.empty(input.getPipeline());
    for (TupleTag<T> tag : tags) {
      result = result.and(outputs.get(tag).setCoder(coder));
    }
    return result;
  }

  private String partitionFnName() {
    String simple = partitionFn.getClass().getSimpleName();
    int lambda = simple.indexOf("$$Lambda");
    return lambda >= 0 ? simple.substring(0, lambda) : simple.isEmpty() ? "PartitionFn" : simple;
  }

  @Override
  protected String getKindString() {
    return "Partition";
  }

  private static final class PartitionDoFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final List<TupleTag<T>> tags;
    private final PartitionFn<? super T> partitionFn;

    PartitionDoFn(List<TupleTag<T>> tags, PartitionFn<? super T> partitionFn) {
      this.tags = tags;
      this.partitionFn = partitionFn;
    }

    @ProcessElement
    public void processElement(@Element T element, MultiOutputReceiver out) {
      int partition = partitionFn.partitionFor(element, tags.size());
      if (partition < 0 || partition >= tags.size()) {
        throw new IndexOutOfBoundsException(
            "Partition: the PartitionFn returned partition index " + partition + " for element " + element
                + ", outside [0, " + tags.size() + ") for " + tags.size() + " partitions."
                + " Fix: make partitionFor return a value in [0, numPartitions).");
      }
      out.get(tags.get(partition)).output(element);
    }
  }
}
