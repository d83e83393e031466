package dev.weir.sdk.state;

/**
 * State that values are added to and that is read as a whole: the common shape of
 * {@link BagState}, {@link SetState}, {@link CombiningState} and {@link OrderedListState}.
 *
 * @param <InputT> the type of the values added
 * @param <OutputT> the type of what is read
 */
public interface GroupingState<InputT, OutputT> extends ReadableState<OutputT>, State {
  /** Adds {@code value}. */
  void add(InputT value);

  /**
   * Whether nothing has been added since the state was created or last cleared. The returned
   * state is evaluated when it is read, not when this method is called.
   */
  ReadableState<Boolean> isEmpty();

  @Override
  GroupingState<InputT, OutputT> readLater();
}
