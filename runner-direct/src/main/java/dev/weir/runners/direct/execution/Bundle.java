package dev.weir.runners.direct.execution;

import dev.weir.runtime.values.WindowedValue;
import java.util.Collections;
import java.util.List;

/**
 * A part of a materialized collection: elements that one task produced and one task will consume.
 *
 * <p>Unmodifiable; the list given is wrapped, not copied, so its maker must not change it
 * afterwards. Tasks of several consuming steps may read one bundle at once.
 *
 * @param elements the elements, in the order they were output
 * @param <T> the element type
 */
record Bundle<T>(List<WindowedValue<T>> elements) {
  Bundle {
    elements = Collections.unmodifiableList(elements);
  }
}
