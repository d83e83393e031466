package dev.weir.sdk.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.io.Serializable;

/**
 * The declaration of one piece of {@link State}: a {@code DoFn} field annotated with
 * {@code @StateId}, made with {@link StateSpecs}. It says what kind of state it is and how its
 * contents are encoded, so that a runner can create the state for each key and window and save
 * it in snapshots.
 *
 * <p>Users only create specs; the other methods are for {@code ParDo} and runners. A spec made
 * without coders gets them when its {@code ParDo} is applied ({@link #offerCoders}, then {@link
 * #finishSpecifying}), inferred from the field's declared type; after that it is immutable.
 *
 * @param <StateT> the type of state declared
 */
public interface StateSpec<StateT extends State> extends Serializable {

  /** Creates the state for one key and window, through {@code binder}; {@code id} is the state id. */
  StateT bind(String id, StateBinder binder);

  /** Calls the case of {@code cases} that matches this spec's kind, with its coders (possibly null). */
  <ResultT> ResultT match(Cases<ResultT> cases);

  /**
   * Offers coders for the type arguments of the declared state type, in order (for example
   * {@code [K, V]} for a {@code MapState<K, V>}); null entries are unknown. A spec keeps the
   * coders it was given explicitly and takes offered ones only where it has none.
   */
  void offerCoders(Coder<?>[] coders);

  /**
   * Checks that the spec is complete.
   *
   * @throws IllegalStateException when a coder is still missing; the message says which and how
   *     to give it
   */
  void finishSpecifying();

  /**
   * One method per kind of state, for {@link StateSpec#match}.
   *
   * @param <ResultT> what the cases return
   */
  interface Cases<ResultT> {
    ResultT dispatchValue(Coder<?> valueCoder);

    ResultT dispatchBag(Coder<?> elementCoder);

    ResultT dispatchSet(Coder<?> elementCoder);

    ResultT dispatchMap(Coder<?> keyCoder, Coder<?> valueCoder);

    ResultT dispatchOrderedList(Coder<?> elementCoder);

    ResultT dispatchCombining(CombineFn<?, ?, ?> combineFn, Coder<?> accumCoder);
  }
}
