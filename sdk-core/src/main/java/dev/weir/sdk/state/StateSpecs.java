package dev.weir.sdk.state;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.Objects;

/**
 * Factories of {@link StateSpec}s, one per kind of state. A spec made without a coder gets one
 * inferred from the type of the {@code @StateId} field when its {@code ParDo} is applied (the
 * pipeline's coder registry, with the DoFn's input coder for type variables); when none can be
 * inferred the {@code ParDo} fails naming the state id and asking for the coder form.
 */
public final class StateSpecs {
  private StateSpecs() {}

  /** A {@link ValueState}, its coder inferred. */
  public static <T> StateSpec<ValueState<T>> value() {
    return new ValueStateSpec<>(null);
  }

  /** A {@link ValueState} whose value is encoded with {@code valueCoder}. */
  public static <T> StateSpec<ValueState<T>> value(Coder<T> valueCoder) {
    return new ValueStateSpec<>(Objects.requireNonNull(valueCoder, "valueCoder"));
  }

  /** A {@link BagState}, its element coder inferred. */
  public static <T> StateSpec<BagState<T>> bag() {
    return new BagStateSpec<>(null);
  }

  /** A {@link BagState} whose elements are encoded with {@code elemCoder}. */
  public static <T> StateSpec<BagState<T>> bag(Coder<T> elemCoder) {
    return new BagStateSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /** A {@link SetState}, its element coder inferred. */
  public static <T> StateSpec<SetState<T>> set() {
    return new SetStateSpec<>(null);
  }

  /** A {@link SetState} whose elements are encoded (and compared) with {@code elemCoder}. */
  public static <T> StateSpec<SetState<T>> set(Coder<T> elemCoder) {
    return new SetStateSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /** A {@link MapState}, its key and value coders inferred. */
  public static <K, V> StateSpec<MapState<K, V>> map() {
    return new MapStateSpec<>(null, null);
  }

  /** A {@link MapState} whose keys (compared by encoding) and values use the given coders. */
  public static <K, V> StateSpec<MapState<K, V>> map(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new MapStateSpec<>(Objects.requireNonNull(keyCoder, "keyCoder"), Objects.requireNonNull(valueCoder, "valueCoder"));
  }

  /** An {@link OrderedListState} whose elements are encoded with {@code elemCoder}. */
  public static <T> StateSpec<OrderedListState<T>> orderedList(Coder<T> elemCoder) {
    return new OrderedListStateSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /**
   * A {@link CombiningState} combining with {@code combineFn}; its accumulator coder comes from
   * {@code combineFn.getAccumulatorCoder} (given the coder of the input type in the field's
   * declaration) or the registry.
   */
  public static <InputT, AccumT, OutputT> StateSpec<CombiningState<InputT, AccumT, OutputT>> combining(
      CombineFn<InputT, AccumT, OutputT> combineFn) {
    return new CombiningStateSpec<>(null, Objects.requireNonNull(combineFn, "combineFn"));
  }

  /** A {@link CombiningState} combining with {@code combineFn}, its accumulator encoded with {@code accumCoder}. */
  public static <InputT, AccumT, OutputT> StateSpec<CombiningState<InputT, AccumT, OutputT>> combining(
      Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
    return new CombiningStateSpec<>(
        Objects.requireNonNull(accumCoder, "accumCoder"), Objects.requireNonNull(combineFn, "combineFn"));
  }

  @SuppressWarnings("unchecked")
  private static <T> Coder<T> offered(Coder<T> current, Coder<?>[] coders, int index) {
    if (current != null || coders == null || coders.length <= index) {
      return current;
    }
    return (Coder<T>) coders[index];
  }

  private static void checkCoder(Coder<?> coder, String what, String fix) {
    checkState(coder != null, "Unable to infer a coder for %s and none was given; give it with %s, or register a "
        + "coder for the type in the pipeline's CoderRegistry", what, fix);
  }

  private static final class ValueStateSpec<T> implements StateSpec<ValueState<T>> {
    private static final long serialVersionUID = 1L;
    private Coder<T> coder;

    ValueStateSpec(Coder<T> coder) {
      this.coder = coder;
    }

    @Override
    public ValueState<T> bind(String id, StateBinder binder) {
      return binder.bindValue(id, this, coder);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchValue(coder);
    }

    @Override
    public void offerCoders(Coder<?>[] coders) {
      coder = offered(coder, coders, 0);
    }

    @Override
    public void finishSpecifying() {
      checkCoder(coder, "the value of a ValueState", "StateSpecs.value(coder)");
    }

    @Override
    public String toString() {
      return "StateSpecs.value(" + coder + ")";
    }
  }

  private static final class BagStateSpec<T> implements StateSpec<BagState<T>> {
    private static final long serialVersionUID = 1L;
    private Coder<T> elemCoder;

    BagStateSpec(Coder<T> elemCoder) {
      this.elemCoder = elemCoder;
    }

    @Override
    public BagState<T> bind(String id, StateBinder binder) {
      return binder.bindBag(id, this, elemCoder);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchBag(elemCoder);
    }

    @Override
    public void offerCoders(Coder<?>[] coders) {
      elemCoder = offered(elemCoder, coders, 0);
    }

    @Override
    public void finishSpecifying() {
      checkCoder(elemCoder, "the elements of a BagState", "StateSpecs.bag(coder)");
    }

    @Override
    public String toString() {
      return "StateSpecs.bag(" + elemCoder + ")";
    }
  }

  private static final class SetStateSpec<T> implements StateSpec<SetState<T>> {
    private static final long serialVersionUID = 1L;
    private Coder<T> elemCoder;

    SetStateSpec(Coder<T> elemCoder) {
      this.elemCoder = elemCoder;
    }

    @Override
    public SetState<T> bind(String id, StateBinder binder) {
      return binder.bindSet(id, this, elemCoder);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchSet(elemCoder);
    }

    @Override
    public void offerCoders(Coder<?>[] coders) {
      elemCoder = offered(elemCoder, coders, 0);
    }

    @Override
    public void finishSpecifying() {
      checkCoder(elemCoder, "the elements of a SetState", "StateSpecs.set(coder)");
    }

    @Override
    public String toString() {
      return "StateSpecs.set(" + elemCoder + ")";
    }
  }

  private static final class MapStateSpec<K, V> implements StateSpec<MapState<K, V>> {
    private static final long serialVersionUID = 1L;
    private Coder<K> keyCoder;
    private Coder<V> valueCoder;

    MapStateSpec(Coder<K> keyCoder, Coder<V> valueCoder) {
      this.keyCoder = keyCoder;
      this.valueCoder = valueCoder;
    }

    @Override
    public MapState<K, V> bind(String id, StateBinder binder) {
      return binder.bindMap(id, this, keyCoder, valueCoder);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchMap(keyCoder, valueCoder);
    }

    @Override
    public void offerCoders(Coder<?>[] coders) {
      keyCoder = offered(keyCoder, coders, 0);
      valueCoder = offered(valueCoder, coders, 1);
    }

    @Override
    public void finishSpecifying() {
      checkCoder(keyCoder, "the keys of a MapState", "StateSpecs.map(keyCoder, valueCoder)");
      checkCoder(valueCoder, "the values of a MapState", "StateSpecs.map(keyCoder, valueCoder)");
    }

    @Override
    public String toString() {
      return "StateSpecs.map(" + keyCoder + ", " + valueCoder + ")";
    }
  }

  private static final class OrderedListStateSpec<T> implements StateSpec<OrderedListState<T>> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> elemCoder;

    OrderedListStateSpec(Coder<T> elemCoder) {
      this.elemCoder = elemCoder;
    }

    @Override
    public OrderedListState<T> bind(String id, StateBinder binder) {
      return binder.bindOrderedList(id, this, elemCoder);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchOrderedList(elemCoder);
    }

    @Override
    public void offerCoders(Coder<?>[] coders) {
      // Always made with a coder.
    }

    @Override
    public void finishSpecifying() {}

    @Override
    public String toString() {
      return "StateSpecs.orderedList(" + elemCoder + ")";
    }
  }

  private static final class CombiningStateSpec<InputT, AccumT, OutputT>
      implements StateSpec<CombiningState<InputT, AccumT, OutputT>> {
    private static final long serialVersionUID = 1L;
    private Coder<AccumT> accumCoder;
    private final CombineFn<InputT, AccumT, OutputT> combineFn;

    CombiningStateSpec(Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
      this.accumCoder = accumCoder;
      this.combineFn = combineFn;
    }

    @Override
    public CombiningState<InputT, AccumT, OutputT> bind(String id, StateBinder binder) {
      return binder.bindCombining(id, this, accumCoder, combineFn);
    }

    @Override
    public <ResultT> ResultT match(Cases<ResultT> cases) {
      return cases.dispatchCombining(combineFn, accumCoder);
    }

    /** Takes the accumulator coder, the second of {@code [InputT, AccumT, OutputT]}. */
    @Override
    public void offerCoders(Coder<?>[] coders) {
      accumCoder = offered(accumCoder, coders, 1);
    }

    @Override
    public void finishSpecifying() {
      checkCoder(accumCoder, "the accumulator of a CombiningState with " + combineFn.getClass().getName(),
          "StateSpecs.combining(accumCoder, combineFn) or by overriding getAccumulatorCoder in the CombineFn");
    }

    @Override
    public String toString() {
      return "StateSpecs.combining(" + accumCoder + ", " + combineFn.getClass().getName() + ")";
    }
  }
}
