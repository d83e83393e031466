package dev.weir.sdk.testing;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * For runner-validation tests of windowing and triggers: describes each output element together
 * with its window and pane as one string, so that a {@link PAssert} on the strings checks exactly
 * which panes fired, with what, when.
 *
 * <p>Formats: a group {@code KV<K, Iterable<V>>} becomes {@code "k=[a, b] [0,10) ON_TIME#0 last"}
 * (values sorted by their text; the window as {@code [start,end)} in milliseconds or
 * {@code global}; the pane's timing and index, and {@code last} for the final pane); any other
 * element becomes {@code "value [0,10) EARLY#1"} the same way; {@link #withTimestamps} adds
 * {@code " @ts"} with the element's timestamp in milliseconds.
 */
public final class DescribePanes {
  private DescribePanes() {}

  /** Describes each group with its window and pane. */
  public static <K, V> ParDo.SingleOutput<KV<K, Iterable<V>>, String> ofGroups() {
    return ParDo.of(new DescribeGroupFn<>(false));
  }

  /** Describes each element with its window and pane. */
  public static <T> ParDo.SingleOutput<T, String> ofElements() {
    return ParDo.of(new DescribeElementFn<>(false));
  }

  /** Describes each group with its window, pane and timestamp. */
  public static <K, V> ParDo.SingleOutput<KV<K, Iterable<V>>, String> withTimestamps() {
    return ParDo.of(new DescribeGroupFn<>(true));
  }

  public static String window(BoundedWindow window) {
    if (window instanceof GlobalWindow) {
      return "global";
    }
    IntervalWindow interval = (IntervalWindow) window;
    return "[" + interval.start().getMillis() + "," + interval.end().getMillis() + ")";
  }

  public static String pane(PaneInfo pane) {
    return pane.getTiming() + "#" + pane.getIndex() + (pane.isLast() ? " last" : "");
  }

  private static String timestamp(boolean show, Instant timestamp) {
    return show ? " @" + timestamp.getMillis() : "";
  }

  /** See {@link DescribePanes#ofGroups}. */
  private static final class DescribeGroupFn<K, V> extends DoFn<KV<K, Iterable<V>>, String> {
    private static final long serialVersionUID = 1L;
    private final boolean timestamps;

    DescribeGroupFn(boolean timestamps) {
      this.timestamps = timestamps;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<V>> group, BoundedWindow window, PaneInfo pane,
        @Timestamp Instant timestamp, OutputReceiver<String> out) {
      List<String> values = new ArrayList<>();
      group.getValue().forEach(v -> values.add(String.valueOf(v)));
      values.sort(null);
      out.output(group.getKey() + "=" + values + " " + window(window) + " " + pane(pane)
          + timestamp(timestamps, timestamp));
    }
  }

  /** See {@link DescribePanes#ofElements}. */
  private static final class DescribeElementFn<T> extends DoFn<T, String> {
    private static final long serialVersionUID = 1L;
    private final boolean timestamps;

    DescribeElementFn(boolean timestamps) {
      this.timestamps = timestamps;
    }

    @ProcessElement
    public void process(@Element T element, BoundedWindow window, PaneInfo pane, @Timestamp Instant timestamp,
        OutputReceiver<String> out) {
      out.output(element + " " + window(window) + " " + pane(pane) + timestamp(timestamps, timestamp));
    }
  }
}
