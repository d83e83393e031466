package dev.weir.sdk.transforms.join;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.values.TupleTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The values of one key from each input of a {@link CoGroupByKey}, read by the input's
 * {@link TupleTag}: {@code getAll(tag)} for all of them, {@code getOnly(tag)} for exactly one.
 *
 * <p>Immutable. Asking for a tag that is not an input of the CoGroupByKey fails, naming the tags
 * it has.
 */
public final class CoGbkResult {
  private final CoGbkResultSchema schema;
  private final List<List<Object>> valuesByTag;

  /** The result holding {@code taggedValues}, each under the input its union tag names. */
  public CoGbkResult(CoGbkResultSchema schema, Iterable<RawUnionValue> taggedValues) {
    this.schema = Objects.requireNonNull(schema, "schema");
    List<List<Object>> buckets = new ArrayList<>(schema.size());
    for (int i = 0; i < schema.size(); i++) {
      buckets.add(new ArrayList<>());
    }
    for (RawUnionValue value : taggedValues) {
      checkArgument(value.getUnionTag() >= 0 && value.getUnionTag() < schema.size(),
          "CoGbkResult: union tag %s is outside the schema %s", value.getUnionTag(), schema);
      buckets.get(value.getUnionTag()).add(value.getValue());
    }
    this.valuesByTag = freeze(buckets);
  }

  private CoGbkResult(CoGbkResultSchema schema, List<List<Object>> valuesByTag) {
    this.schema = schema;
    this.valuesByTag = freeze(valuesByTag);
  }

  private static List<List<Object>> freeze(List<List<Object>> buckets) {
    List<List<Object>> frozen = new ArrayList<>(buckets.size());
    for (List<Object> bucket : buckets) {
      frozen.add(Collections.unmodifiableList(bucket));
    }
    return Collections.unmodifiableList(frozen);
  }

  /** A result with no inputs, to build on with {@link #and}. */
  public static CoGbkResult empty() {
    return new CoGbkResult(CoGbkResultSchema.of(List.of()), List.<List<Object>>of());
  }

  /** A result with one input, {@code tag}, holding {@code values}. */
  public static <V> CoGbkResult of(TupleTag<V> tag, List<V> values) {
    return empty().and(tag, values);
  }

  /** A copy of this result with another input, {@code tag}, holding {@code values}. */
  public <V> CoGbkResult and(TupleTag<V> tag, List<V> values) {
    List<TupleTag<?>> tags = new ArrayList<>(schema.getTupleTagList().getAll());
    tags.add(tag);
    List<List<Object>> buckets = new ArrayList<>(valuesByTag);
    buckets.add(new ArrayList<>(values));
    return new CoGbkResult(CoGbkResultSchema.of(tags), buckets);
  }

  public CoGbkResultSchema getSchema() {
    return schema;
  }

  /** Whether no input has a value. */
  public boolean isEmpty() {
    for (List<Object> values : valuesByTag) {
      if (!values.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** All values of the input {@code tag}, possibly none. */
  @SuppressWarnings("unchecked")
  public <V> Iterable<V> getAll(TupleTag<V> tag) {
    return (Iterable<V>) valuesByTag.get(schema.getIndex(tag));
  }

  /** All values of the input tagged with id {@code tag}. */
  public <V> Iterable<V> getAll(String tag) {
    return getAll(new TupleTag<V>(tag));
  }

  /**
   * The single value of the input {@code tag}.
   *
   * @throws IllegalArgumentException if it has no value, or more than one
   */
  public <V> V getOnly(TupleTag<V> tag) {
    return only(tag, false, null);
  }

  /** The single value of the input tagged with id {@code tag}. */
  public <V> V getOnly(String tag) {
    return getOnly(new TupleTag<V>(tag));
  }

  /**
   * The single value of the input {@code tag}, or {@code defaultValue} if it has none.
   *
   * @throws IllegalArgumentException if it has more than one value
   */
  public <V> V getOnly(TupleTag<V> tag, V defaultValue) {
    return only(tag, true, defaultValue);
  }

  /** The single value of the input tagged with id {@code tag}, or {@code defaultValue}. */
  public <V> V getOnly(String tag, V defaultValue) {
    return getOnly(new TupleTag<V>(tag), defaultValue);
  }

  private <V> V only(TupleTag<V> tag, boolean hasDefault, V defaultValue) {
    Iterator<V> values = getAll(tag).iterator();
    if (!values.hasNext()) {
      if (hasDefault) {
        return defaultValue;
      }
      throw new IllegalArgumentException("TupleTag " + tag + " corresponds to an empty result, and no default was"
          + " provided. Fix: use getOnly(tag, defaultValue), or getAll(tag).");
    }
    V value = values.next();
    if (values.hasNext()) {
      throw new IllegalArgumentException("TupleTag " + tag + " corresponds to a non-singleton result (first two"
          + " values: " + value + ", " + values.next() + "). Fix: use getAll(tag) where a key may have several values.");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoGbkResult && schema.equals(((CoGbkResult) o).schema)
        && valuesByTag.equals(((CoGbkResult) o).valuesByTag);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, valuesByTag);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CoGbkResult{");
    for (int i = 0; i < valuesByTag.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(schema.getTag(i).getId()).append('=').append(valuesByTag.get(i));
    }
    return text.append('}').toString();
  }

  /**
   * Encodes a {@link CoGbkResult} as, for each input in schema order, the number of its values
   * followed by the values, each with that input's coder.
   */
  public static final class CoGbkResultCoder extends Coder<CoGbkResult> {
    private static final long serialVersionUID = 1L;

    private final CoGbkResultSchema schema;
    private final UnionCoder unionCoder;

    private CoGbkResultCoder(CoGbkResultSchema schema, UnionCoder unionCoder) {
      checkArgument(schema.size() == unionCoder.getElementCoders().size(),
          "CoGbkResultCoder: the schema has %s inputs but the union coder %s coders", schema.size(),
          unionCoder.getElementCoders().size());
      this.schema = schema;
      this.unionCoder = unionCoder;
    }

    /** The coder of results of {@code schema} whose inputs' values {@code unionCoder}'s coders encode. */
    public static CoGbkResultCoder of(CoGbkResultSchema schema, UnionCoder unionCoder) {
      return new CoGbkResultCoder(schema, unionCoder);
    }

    public CoGbkResultSchema getSchema() {
      return schema;
    }

    public UnionCoder getUnionCoder() {
      return unionCoder;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encode(CoGbkResult result, OutputStream out) throws IOException {
      if (!schema.equals(result.schema)) {
        throw new CoderException("CoGbkResultCoder for " + schema + " cannot encode a result of " + result.schema);
      }
      for (int i = 0; i < schema.size(); i++) {
        Coder<Object> coder = (Coder<Object>) unionCoder.getElementCoders().get(i);
        List<Object> values = result.valuesByTag.get(i);
        VarIntCoder.of().encode(values.size(), out);
        for (Object value : values) {
          coder.encode(value, out);
        }
      }
    }

    @Override
    public CoGbkResult decode(InputStream in) throws IOException {
      List<List<Object>> buckets = new ArrayList<>(schema.size());
      for (int i = 0; i < schema.size(); i++) {
        Coder<?> coder = unionCoder.getElementCoders().get(i);
        int count = VarIntCoder.of().decode(in);
        if (count < 0) {
          throw new CoderException("CoGbkResultCoder: read a negative value count " + count);
        }
        List<Object> values = new ArrayList<>(Math.min(count, 1024));
        for (int j = 0; j < count; j++) {
          values.add(coder.decode(in));
        }
        buckets.add(values);
      }
      return new CoGbkResult(schema, buckets);
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(unionCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      try {
        unionCoder.verifyDeterministic();
      } catch (NonDeterministicException e) {
        throw new NonDeterministicException(this, "its value coders are not all deterministic", e);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CoGbkResultCoder && schema.equals(((CoGbkResultCoder) o).schema)
          && unionCoder.equals(((CoGbkResultCoder) o).unionCoder);
    }

    @Override
    public int hashCode() {
      return Objects.hash(schema, unionCoder);
    }
  }
}
