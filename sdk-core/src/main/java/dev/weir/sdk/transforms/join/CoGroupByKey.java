package dev.weir.sdk.transforms.join;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.join.KeyedPCollectionTuple.TaggedKeyedPCollection;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups several keyed collections by key at once (a relational join's first half): for each key
 * and window, one {@code KV<K, CoGbkResult>} holding that key's values from every input, read by
 * the input's tag.
 *
 * <pre>{@code
 * PCollection<KV<String, CoGbkResult>> joined =
 *     KeyedPCollectionTuple.of(emailsTag, emails).and(phonesTag, phones).apply(CoGroupByKey.create());
 * }</pre>
 *
 * <p>A composite: each input's values are tagged with the input's index ({@link RawUnionValue}),
 * the inputs are flattened and grouped by key, and each group is split back by tag. The inputs
 * must share windowing and key coder; the key coder must be deterministic.
 *
 * @param <K> the key type
 */
public final class CoGroupByKey<K>
    extends PTransform<KeyedPCollectionTuple<K>, PCollection<KV<K, CoGbkResult>>> {
  private static final long serialVersionUID = 1L;

  private CoGroupByKey() {}

  /** A CoGroupByKey. */
  public static <K> CoGroupByKey<K> create() {
    return new CoGroupByKey<>();
  }

  @Override
  public PCollection<KV<K, CoGbkResult>> expand(KeyedPCollectionTuple<K> input) {
    checkArgument(!input.isEmpty(),
        "CoGroupByKey needs at least one input. Fix: build the KeyedPCollectionTuple with of(tag, pc).and(...).");
    Coder<K> keyCoder = input.getKeyCoder();
    List<Coder<?>> valueCoders = new ArrayList<>();
    for (TaggedKeyedPCollection<K, ?> keyed : input.getKeyedCollections()) {
      valueCoders.add(valueCoder(keyed));
    }
    UnionCoder unionCoder = UnionCoder.of(valueCoders);
    KvCoder<K, RawUnionValue> unionKvCoder = KvCoder.of(keyCoder, unionCoder);

    PCollectionList<KV<K, RawUnionValue>> unionTables = PCollectionList.empty(input.getPipeline());
    int index = 0;
    for (TaggedKeyedPCollection<K, ?> keyed : input.getKeyedCollections()) {
      unionTables = unionTables.and(makeUnionTable(index, keyed, unionKvCoder));
      index++;
    }
    CoGbkResultSchema schema = input.getCoGbkResultSchema();
    return unionTables
        .apply("Flatten", Flatten.pCollections())
        .apply("GroupByKey", GroupByKey.create())
        .apply("ConstructCoGbkResultFn", ParDo.of(new ConstructCoGbkResultFn<K>(schema)))
        .setCoder(KvCoder.of(keyCoder, CoGbkResult.CoGbkResultCoder.of(schema, unionCoder)));
  }

  private static <K, V> Coder<V> valueCoder(TaggedKeyedPCollection<K, V> keyed) {
    // KeyedPCollectionTuple.and checked that every input has a KvCoder.
    return ((KvCoder<K, V>) keyed.getCollection().getCoder()).getValueCoder();
  }

  private static <K, V> PCollection<KV<K, RawUnionValue>> makeUnionTable(
      int index, TaggedKeyedPCollection<K, V> keyed, KvCoder<K, RawUnionValue> unionKvCoder) {
    return keyed.getCollection()
        .apply("MakeUnionTable" + index, ParDo.of(new ConstructUnionTableFn<K, V>(index)))
        .setCoder(unionKvCoder);
  }

  private static final class ConstructUnionTableFn<K, V> extends DoFn<KV<K, V>, KV<K, RawUnionValue>> {
    private static final long serialVersionUID = 1L;
    private final int index;

    ConstructUnionTableFn(int index) {
      this.index = index;
    }

    @ProcessElement
    public void processElement(@Element KV<K, V> element, OutputReceiver<KV<K, RawUnionValue>> out) {
      out.output(KV.of(element.getKey(), new RawUnionValue(index, element.getValue())));
    }
  }

  private static final class ConstructCoGbkResultFn<K>
      extends DoFn<KV<K, Iterable<RawUnionValue>>, KV<K, CoGbkResult>> {
    private static final long serialVersionUID = 1L;
    private final CoGbkResultSchema schema;

    ConstructCoGbkResultFn(CoGbkResultSchema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void processElement(
        @Element KV<K, Iterable<RawUnionValue>> element, OutputReceiver<KV<K, CoGbkResult>> out) {
      out.output(KV.of(element.getKey(), new CoGbkResult(schema, element.getValue())));
    }
  }
}
