package dev.weir.sdk.state;

/**
 * State holding a multiset of values, read back in the order they were added. The cheapest state
 * to add to: adding never reads.
 *
 * @param <T> the type of the values
 */
public interface BagState<T> extends GroupingState<T, Iterable<T>> {
  @Override
  BagState<T> readLater();
}
