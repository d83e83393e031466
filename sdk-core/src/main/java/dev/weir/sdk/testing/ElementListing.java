package dev.weir.sdk.testing;

import java.util.Iterator;

/**
 * Writes elements into assertion messages, cut short after {@value #MAX_SHOWN} elements so that a
 * failure over a large collection stays readable.
 *
 * <p>Stateless.
 */
final class ElementListing {
  static final int MAX_SHOWN = 100;

  private ElementListing() {}

  /** The elements in brackets, such as {@code [1, 2, 3]}, or the first ones and how many more. */
  static String list(Iterable<?> elements) {
    StringBuilder out = new StringBuilder("[");
    int count = 0;
    Iterator<?> it = elements.iterator();
    while (it.hasNext()) {
      Object element = it.next();
      if (count < MAX_SHOWN) {
        out.append(count == 0 ? "" : ", ").append(element);
      }
      count++;
    }
    if (count > MAX_SHOWN) {
      out.append(", ... (").append(count - MAX_SHOWN).append(" more)");
    }
    return out.append(']').toString();
  }

  /** How many elements there are and which, such as {@code 3 elements: [1, 2, 3]}. */
  static String describe(Iterable<?> elements) {
    int count = 0;
    for (Object ignored : elements) {
      count++;
    }
    return count + (count == 1 ? " element: " : " elements: ") + list(elements);
  }
}
