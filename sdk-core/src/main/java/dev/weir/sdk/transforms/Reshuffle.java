package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TimestampedValue.TimestampedValueCoder;
import java.util.concurrent.ThreadLocalRandom;
import org.joda.time.Duration;

/**
 * Redistributes a keyed collection through a {@link GroupByKey} and ungroups it again, so that
 * what follows runs on freshly shuffled data (breaking fusion, checkpointing the input).
 *
 * <p>The output holds the same elements, with the same timestamps and windows and the same
 * coder, in an unspecified order; pane information is not kept. The timestamps are carried through
 * the grouping and restored, which requires a non-merging window function: on a collection with
 * merging windows (sessions) the grouping would merge them, so this transform refuses it.
 * {@link #viaRandomKey()} does the same for an unkeyed collection.
 *
 * <p>Simplified from Beam: the inner grouping fires by the input's own trigger (Beam substitutes
 * one that fires for every element) and the output carries that grouping's windowing strategy (the
 * trigger's continuation) rather than the input's. With the default trigger, the common case,
 * nothing differs.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Reshuffle<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, V>>> {
  private static final long serialVersionUID = 1L;

  /**
   * A skew that lets the ungrouping step restore any valid timestamp, whatever the grouped
   * output's timestamp: the span of valid timestamps. Unlike {@code Long.MAX_VALUE} millis it
   * cannot overflow when subtracted from a valid timestamp.
   */
  private static final Duration ANY_VALID_TIMESTAMP =
      new Duration(BoundedWindow.TIMESTAMP_MIN_VALUE, BoundedWindow.TIMESTAMP_MAX_VALUE);

  private Reshuffle() {}

  /** A Reshuffle of a keyed collection, grouping by its own keys. */
  public static <K, V> Reshuffle<K, V> of() {
    return new Reshuffle<>();
  }

  /** A Reshuffle of any collection, grouping by random keys. */
  public static <T> ViaRandomKey<T> viaRandomKey() {
    return new ViaRandomKey<>(null);
  }

  @Override
  public PCollection<KV<K, V>> expand(PCollection<KV<K, V>> input) {
    checkArgument(input.getWindowingStrategy().getWindowFn().isNonMerging(),
        "Reshuffle of PCollection '%s' needs non-merging windows, but it uses %s. Fix: reshuffle before"
            + " applying the merging Window.into(...).", input.getName(), input.getWindowingStrategy().getWindowFn());
    KvCoder<K, V> kvCoder = GroupByKey.getInputKvCoder(input);
    PCollection<KV<K, TimestampedValue<V>>> reified = input
        .apply("ReifyTimestamps", ParDo.of(new ReifyTimestampsFn<K, V>()))
        .setCoder(KvCoder.of(kvCoder.getKeyCoder(), TimestampedValueCoder.of(kvCoder.getValueCoder())));
    return reified
        .apply("GroupByKey", GroupByKey.create())
        .apply("RestoreTimestamps", ParDo.of(new RestoreTimestampsFn<K, V>()))
        .setCoder(kvCoder);
  }

  private static final class ReifyTimestampsFn<K, V> extends DoFn<KV<K, V>, KV<K, TimestampedValue<V>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(ProcessContext c) {
      KV<K, V> element = c.element();
      c.output(KV.of(element.getKey(), TimestampedValue.of(element.getValue(), c.timestamp())));
    }
  }

  private static final class RestoreTimestampsFn<K, V> extends DoFn<KV<K, Iterable<TimestampedValue<V>>>, KV<K, V>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(
        @Element KV<K, Iterable<TimestampedValue<V>>> element, OutputReceiver<KV<K, V>> out) {
      for (TimestampedValue<V> value : element.getValue()) {
        out.outputWithTimestamp(KV.of(element.getKey(), value.getValue()), value.getTimestamp());
      }
    }

    @Override
    public Duration getAllowedTimestampSkew() {
      return ANY_VALID_TIMESTAMP;
    }
  }

  /**
   * A Reshuffle of an unkeyed collection: keys each element with a random bucket, reshuffles and
   * drops the keys again.
   *
   * @param <T> the element type
   */
  public static final class ViaRandomKey<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final Integer numBuckets;

    private ViaRandomKey(Integer numBuckets) {
      this.numBuckets = numBuckets;
    }

    /** This transform, spreading elements over {@code numBuckets} keys (any int key if null). */
    public ViaRandomKey<T> withNumBuckets(Integer numBuckets) {
      checkArgument(numBuckets == null || numBuckets > 0,
          "Reshuffle.viaRandomKey().withNumBuckets(%s): the number of buckets must be positive", numBuckets);
      return new ViaRandomKey<>(numBuckets);
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      PCollection<KV<Integer, T>> keyed = input
          .apply("AssignRandomKey", ParDo.of(new AssignRandomKeyFn<T>(numBuckets)))
          .setCoder(KvCoder.of(VarIntCoder.of(), input.getCoder()));
      return keyed
          .apply("Reshuffle", Reshuffle.of())
          .apply("DropKey", Values.create())
          .setCoder(input.getCoder());
    }

    @Override
    protected String getKindString() {
      return "Reshuffle.ViaRandomKey";
    }
  }

  private static final class AssignRandomKeyFn<T> extends DoFn<T, KV<Integer, T>> {
    private static final long serialVersionUID = 1L;
    private final Integer numBuckets;

    AssignRandomKeyFn(Integer numBuckets) {
      this.numBuckets = numBuckets;
    }

    @ProcessElement
    public void processElement(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int key = numBuckets == null ? random.nextInt() : random.nextInt(numBuckets);
      out.output(KV.of(key, element));
    }
  }
}
