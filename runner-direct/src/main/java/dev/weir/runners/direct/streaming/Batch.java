package dev.weir.runners.direct.streaming;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Collections;
import java.util.List;
import org.joda.time.Instant;

/**
 * Elements that move together from one step to the next: what one task produced, or one
 * {@code TestStream} event added, with the earliest of their timestamps, which holds back the
 * input watermark of the step that has yet to process them.
 *
 * <p>Unmodifiable; the list given to {@link #of} is wrapped, not copied, so its maker must not
 * change it afterwards. Several consuming steps may read one batch at once.
 *
 * @param elements the elements, in the order they were output
 * @param minTimestamp the earliest timestamp among them; the end of time for an empty batch
 * @param <T> the element type
 */
record Batch<T>(List<WindowedValue<T>> elements, Instant minTimestamp) {
  Batch {
    elements = Collections.unmodifiableList(elements);
  }

  /** A batch of {@code elements}. */
  static <T> Batch<T> of(List<WindowedValue<T>> elements) {
    Instant min = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (WindowedValue<T> element : elements) {
      if (element.getTimestamp().isBefore(min)) {
        min = element.getTimestamp();
      }
    }
    return new Batch<>(elements, min);
  }

  boolean isEmpty() {
    return elements.isEmpty();
  }
}
