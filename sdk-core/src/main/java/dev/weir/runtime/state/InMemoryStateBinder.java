package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.CombiningState;
import dev.weir.sdk.state.MapState;
import dev.weir.sdk.state.OrderedListState;
import dev.weir.sdk.state.SetState;
import dev.weir.sdk.state.StateBinder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.Combine.CombineFn;

/**
 * Creates the in-memory {@link StateCell}s of state specs. Every coder must be known by now (the
 * spec finished specifying); a missing one is an {@link IllegalStateException} naming the state.
 * Stateless and thread-safe.
 */
final class InMemoryStateBinder implements StateBinder {
  static final InMemoryStateBinder INSTANCE = new InMemoryStateBinder();

  private InMemoryStateBinder() {}

  private static void checkCoder(String id, Coder<?> coder, StateSpec<?> spec) {
    checkState(coder != null, "State '%s' (%s) has no coder; its ParDo infers one when applied, or give it in "
        + "the StateSpecs factory", id, spec);
  }

  @Override
  public <T> ValueState<T> bindValue(String id, StateSpec<ValueState<T>> spec, Coder<T> coder) {
    checkCoder(id, coder, spec);
    return new InMemoryValueState<>(coder);
  }

  @Override
  public <T> BagState<T> bindBag(String id, StateSpec<BagState<T>> spec, Coder<T> elemCoder) {
    checkCoder(id, elemCoder, spec);
    return new InMemoryBagState<>(elemCoder);
  }

  @Override
  public <T> SetState<T> bindSet(String id, StateSpec<SetState<T>> spec, Coder<T> elemCoder) {
    checkCoder(id, elemCoder, spec);
    return new InMemorySetState<>(elemCoder);
  }

  @Override
  public <K, V> MapState<K, V> bindMap(
      String id, StateSpec<MapState<K, V>> spec, Coder<K> mapKeyCoder, Coder<V> mapValueCoder) {
    checkCoder(id, mapKeyCoder, spec);
    checkCoder(id, mapValueCoder, spec);
    return new InMemoryMapState<>(mapKeyCoder, mapValueCoder);
  }

  @Override
  public <T> OrderedListState<T> bindOrderedList(String id, StateSpec<OrderedListState<T>> spec, Coder<T> elemCoder) {
    checkCoder(id, elemCoder, spec);
    return new InMemoryOrderedListState<>(elemCoder);
  }

  @Override
  public <InputT, AccumT, OutputT> CombiningState<InputT, AccumT, OutputT> bindCombining(
      String id,
      StateSpec<CombiningState<InputT, AccumT, OutputT>> spec,
      Coder<AccumT> accumCoder,
      CombineFn<InputT, AccumT, OutputT> combineFn) {
    checkCoder(id, accumCoder, spec);
    return new InMemoryCombiningState<>(accumCoder, combineFn);
  }
}
