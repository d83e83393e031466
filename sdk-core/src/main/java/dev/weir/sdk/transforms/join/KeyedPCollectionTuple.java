package dev.weir.sdk.transforms.join;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a {@link CoGroupByKey}: keyed collections with one key type, each under its own
 * {@link TupleTag}: {@code KeyedPCollectionTuple.of(emailsTag, emails).and(phonesTag, phones)}.
 *
 * <p>Immutable; {@code and} returns a copy. Every collection must belong to the same pipeline, use a
 * {@link KvCoder} and share one key coder; tags must be distinct. Violations fail at {@code and},
 * naming the collection.
 *
 * @param <K> the key type
 */
public final class KeyedPCollectionTuple<K> implements PInput {
  private final Pipeline pipeline;
  private final List<TaggedKeyedPCollection<K, ?>> keyedCollections;
  private final Coder<K> keyCoder;

  private KeyedPCollectionTuple(
      Pipeline pipeline, List<TaggedKeyedPCollection<K, ?>> keyedCollections, Coder<K> keyCoder) {
    this.pipeline = pipeline;
    this.keyedCollections = Collections.unmodifiableList(keyedCollections);
    this.keyCoder = keyCoder;
  }

  /** A tuple with no collections in {@code pipeline}. */
  public static <K> KeyedPCollectionTuple<K> empty(Pipeline pipeline) {
    return new KeyedPCollectionTuple<>(pipeline, new ArrayList<>(), null);
  }

  /** A tuple holding {@code pc} under {@code tag}. */
  public static <K, InputT> KeyedPCollectionTuple<K> of(TupleTag<InputT> tag, PCollection<KV<K, InputT>> pc) {
    return KeyedPCollectionTuple.<K>empty(pc.getPipeline()).and(tag, pc);
  }

  /** A tuple holding {@code pc} under a tag with id {@code tag}. */
  public static <K, InputT> KeyedPCollectionTuple<K> of(String tag, PCollection<KV<K, InputT>> pc) {
    return of(new TupleTag<InputT>(tag), pc);
  }

  /** A copy of this tuple also holding {@code pc} under {@code tag}. */
  public <V> KeyedPCollectionTuple<K> and(TupleTag<V> tag, PCollection<KV<K, V>> pc) {
    checkArgument(pc.getPipeline() == pipeline, "KeyedPCollectionTuple: PCollection '%s' belongs to another pipeline",
        pc.getName());
    for (TaggedKeyedPCollection<K, ?> existing : keyedCollections) {
      checkArgument(!existing.getTupleTag().equals(tag),
          "KeyedPCollectionTuple already has a PCollection under %s. Fix: give each input its own tag.", tag);
    }
    Coder<K> pcKeyCoder = keyCoderOf(pc);
    checkArgument(keyCoder == null || keyCoder.equals(pcKeyCoder),
        "CoGroupByKey needs one key coder for all inputs, but PCollection '%s' has key coder %s where earlier inputs"
            + " have %s. Fix: set the same key coder on every input.", pc.getName(), pcKeyCoder, keyCoder);
    List<TaggedKeyedPCollection<K, ?>> copy = new ArrayList<>(keyedCollections);
    copy.add(new TaggedKeyedPCollection<>(tag, pc));
    return new KeyedPCollectionTuple<>(pipeline, copy, pcKeyCoder);
  }

  /** A copy of this tuple also holding {@code pc} under a tag with id {@code tag}. */
  public <V> KeyedPCollectionTuple<K> and(String tag, PCollection<KV<K, V>> pc) {
    return and(new TupleTag<V>(tag), pc);
  }

  private static <K, V> Coder<K> keyCoderOf(PCollection<KV<K, V>> pc) {
    Coder<KV<K, V>> coder = pc.getCoder();
    checkArgument(coder instanceof KvCoder,
        "CoGroupByKey needs a KvCoder on its inputs, but PCollection '%s' has %s. Fix: setCoder(KvCoder.of(...)).",
        pc.getName(), coder);
    return ((KvCoder<K, V>) coder).getKeyCoder();
  }

  /** Whether the tuple holds no collections. */
  public boolean isEmpty() {
    return keyedCollections.isEmpty();
  }

  /** The collections with their tags, in the order added. */
  public List<TaggedKeyedPCollection<K, ?>> getKeyedCollections() {
    return keyedCollections;
  }

  /** The schema of a {@link CoGbkResult} over these inputs. */
  public CoGbkResultSchema getCoGbkResultSchema() {
    List<TupleTag<?>> tags = new ArrayList<>();
    for (TaggedKeyedPCollection<K, ?> keyed : keyedCollections) {
      tags.add(keyed.getTupleTag());
    }
    return CoGbkResultSchema.of(tags);
  }

  /** The key coder all inputs share, or null for an empty tuple. */
  public Coder<K> getKeyCoder() {
    return keyCoder;
  }

  /** Applies {@code transform} to this tuple. */
  public <OutputT extends POutput> OutputT apply(PTransform<KeyedPCollectionTuple<K>, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  /** Applies {@code transform} to this tuple under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<KeyedPCollectionTuple<K>, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    Map<TupleTag<?>, PValue> values = new LinkedHashMap<>();
    for (TaggedKeyedPCollection<K, ?> keyed : keyedCollections) {
      values.put(keyed.getTupleTag(), keyed.getCollection());
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * One input of a {@link KeyedPCollectionTuple}: a keyed collection and its tag.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static final class TaggedKeyedPCollection<K, V> {
    private final TupleTag<V> tupleTag;
    private final PCollection<KV<K, V>> pCollection;

    TaggedKeyedPCollection(TupleTag<V> tupleTag, PCollection<KV<K, V>> pCollection) {
      this.tupleTag = tupleTag;
      this.pCollection = pCollection;
    }

    public PCollection<KV<K, V>> getCollection() {
      return pCollection;
    }

    public TupleTag<V> getTupleTag() {
      return tupleTag;
    }
  }
}
