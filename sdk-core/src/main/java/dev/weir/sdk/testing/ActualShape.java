package dev.weir.sdk.testing;

import com.google.common.collect.LinkedHashMultiset;
import com.google.common.collect.Multiset;
import com.google.common.collect.Multisets;
import dev.weir.sdk.values.KV;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assertion sees of a collection's contents: the value it checks, built from all the
 * elements (the elements themselves, the only element, a map of key/value pairs, ...), and back.
 *
 * <p>{@link #fromElements} runs where the check runs and throws {@link AssertionError} when the
 * contents do not have the shape (a "singleton" with three elements); {@link #toElements} turns an
 * expected value into elements, so that it can be shipped encoded with the collection's own coder,
 * and throws {@link IllegalArgumentException} for an expected value the shape can never produce.
 * Implementations are immutable and serializable.
 *
 * @param <ElemT> the element type of the collection
 * @param <ActualT> the type of the value checked
 */
abstract class ActualShape<ElemT, ActualT> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The value checked, given all the elements; throws {@link AssertionError} if they don't fit. */
  abstract ActualT fromElements(Iterable<ElemT> elements);

  /** Elements from which {@link #fromElements} rebuilds {@code value}. */
  abstract Iterable<ElemT> toElements(ActualT value);

  /** The elements, as an unmodifiable list. */
  static <T> ActualShape<T, Iterable<T>> elements() {
    return new Elements<>();
  }

  /** The only element of the collection named {@code collection}. */
  static <T> ActualShape<T, T> singleElement(String collection) {
    return new SingleElement<>(collection);
  }

  /** The key/value pairs of {@code collection} as a map; a repeated key is a failure. */
  static <K, V> ActualShape<KV<K, V>, Map<K, V>> map(String collection) {
    return new AsMap<>(collection);
  }

  /**
   * The key/value pairs of {@code collection} as a map from each key to its values; the values are
   * a multiset, so two such maps are equal when they have the same values per key in any order.
   */
  static <K, V> ActualShape<KV<K, V>, Map<K, Iterable<V>>> multimap(String collection) {
    return new AsMultimap<>(collection);
  }

  private static final class Elements<T> extends ActualShape<T, Iterable<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    Iterable<T> fromElements(Iterable<T> elements) {
      List<T> copy = new ArrayList<>();
      elements.forEach(copy::add);
      return Collections.unmodifiableList(copy);
    }

    @Override
    Iterable<T> toElements(Iterable<T> value) {
      return value;
    }
  }

  private static final class SingleElement<T> extends ActualShape<T, T> {
    private static final long serialVersionUID = 1L;
    private final String collection;

    SingleElement(String collection) {
      this.collection = collection;
    }

    @Override
    T fromElements(Iterable<T> elements) {
      Iterator<T> it = elements.iterator();
      if (!it.hasNext()) {
        throw new CheckFailure(
            "expected PCollection '" + collection + "' to hold exactly one element, but it is empty");
      }
      T only = it.next();
      if (it.hasNext()) {
        throw new CheckFailure(
            "expected PCollection '" + collection + "' to hold exactly one element, but it holds "
                + ElementListing.describe(elements));
      }
      return only;
    }

    @Override
    Iterable<T> toElements(T value) {
      return Collections.singletonList(value);
    }
  }

  private static final class AsMap<K, V> extends ActualShape<KV<K, V>, Map<K, V>> {
    private static final long serialVersionUID = 1L;
    private final String collection;

    AsMap(String collection) {
      this.collection = collection;
    }

    @Override
    Map<K, V> fromElements(Iterable<KV<K, V>> elements) {
      Map<K, V> map = new LinkedHashMap<>();
      for (KV<K, V> kv : elements) {
        if (map.containsKey(kv.getKey())) {
          throw new CheckFailure(
              "expected PCollection '" + collection + "' to hold each key once, but key " + kv.getKey()
                  + " has values " + map.get(kv.getKey()) + " and " + kv.getValue()
                  + " (PAssert.thatMultimap checks a collection with repeated keys)");
        }
        map.put(kv.getKey(), kv.getValue());
      }
      return Collections.unmodifiableMap(map);
    }

    @Override
    Iterable<KV<K, V>> toElements(Map<K, V> value) {
      List<KV<K, V>> pairs = new ArrayList<>();
      value.forEach((k, v) -> pairs.add(KV.of(k, v)));
      return pairs;
    }
  }

  private static final class AsMultimap<K, V> extends ActualShape<KV<K, V>, Map<K, Iterable<V>>> {
    private static final long serialVersionUID = 1L;
    private final String collection;

    AsMultimap(String collection) {
      this.collection = collection;
    }

    @Override
    Map<K, Iterable<V>> fromElements(Iterable<KV<K, V>> elements) {
      Map<K, Multiset<V>> grouped = new LinkedHashMap<>();
      for (KV<K, V> kv : elements) {
        grouped.computeIfAbsent(kv.getKey(), k -> LinkedHashMultiset.create()).add(kv.getValue());
      }
      Map<K, Iterable<V>> result = new LinkedHashMap<>();
      grouped.forEach((k, values) -> result.put(k, Multisets.unmodifiableMultiset(values)));
      return Collections.unmodifiableMap(result);
    }

    @Override
    Iterable<KV<K, V>> toElements(Map<K, Iterable<V>> value) {
      List<KV<K, V>> pairs = new ArrayList<>();
      for (Map.Entry<K, Iterable<V>> entry : value.entrySet()) {
        if (!entry.getValue().iterator().hasNext()) {
          throw new IllegalArgumentException(
              "The expected multimap for PCollection '" + collection + "' maps key " + entry.getKey()
                  + " to no values, which a multimap built from a PCollection never does."
                  + " Fix: leave key " + entry.getKey() + " out of the expected map.");
        }
        entry.getValue().forEach(v -> pairs.add(KV.of(entry.getKey(), v)));
      }
      return pairs;
    }
  }
}
