package dev.weir.sdk.transforms;

import java.io.Serializable;

/**
 * Builds the value of a side input in one window from the elements of that window.
 *
 * <p>Immutable and serializable; called by runners from any thread, once per window (the result
 * may be cached).
 *
 * @param <ElemT> the element type of the viewed collection
 * @param <ViewT> the type of the value seen
 */
public abstract class ViewFn<ElemT, ViewT> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The view's value for one window's {@code elements}; fails with a message if they don't fit. */
  public abstract ViewT apply(Iterable<ElemT> elements);
}
