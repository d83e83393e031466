package dev.weir.sdk.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;

/**
 * Creates state objects for {@link StateSpec#bind}: implemented by runners, one method per kind
 * of state. Each call creates the state of one id for the key and window the binder is for.
 */
public interface StateBinder {
  /** A {@link ValueState} whose value is encoded with {@code coder}. */
  <T> ValueState<T> bindValue(String id, StateSpec<ValueState<T>> spec, Coder<T> coder);

  /** A {@link BagState} whose elements are encoded with {@code elemCoder}. */
  <T> BagState<T> bindBag(String id, StateSpec<BagState<T>> spec, Coder<T> elemCoder);

  /** A {@link SetState} whose elements are encoded (and compared) with {@code elemCoder}. */
  <T> SetState<T> bindSet(String id, StateSpec<SetState<T>> spec, Coder<T> elemCoder);

  /** A {@link MapState} whose keys (compared by encoding) and values use the given coders. */
  <K, V> MapState<K, V> bindMap(
      String id, StateSpec<MapState<K, V>> spec, Coder<K> mapKeyCoder, Coder<V> mapValueCoder);

  /** An {@link OrderedListState} whose elements are encoded with {@code elemCoder}. */
  <T> OrderedListState<T> bindOrderedList(String id, StateSpec<OrderedListState<T>> spec, Coder<T> elemCoder);

  /** A {@link CombiningState} combining with {@code combineFn}, its accumulator encoded with {@code accumCoder}. */
  <InputT, AccumT, OutputT> CombiningState<InputT, AccumT, OutputT> bindCombining(
      String id,
      StateSpec<CombiningState<InputT, AccumT, OutputT>> spec,
      Coder<AccumT> accumCoder,
      CombineFn<InputT, AccumT, OutputT> combineFn);
}
