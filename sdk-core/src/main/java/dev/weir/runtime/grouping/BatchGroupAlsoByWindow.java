package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Groups the values of keyed elements by key and window for a bounded input, once all of it has
 * arrived: the result of the default trigger when the watermark reaches the end of time.
 *
 * <p>Keys are equal when their encodings are ({@link Coder#structuralValue}); an element in several
 * windows joins one group per window. Each group keeps what its {@link PaneContents} keeps: every
 * value for a {@code GroupByKey} ({@link PaneContents#buffering}, in arrival order), one
 * accumulator for a lifted combine ({@link PaneContents#combining}). {@link #finish} emits one
 * {@code KV<K, OutputT>} per key and window, in the pane {@link PaneInfo#ON_TIME_AND_ONLY_FIRING},
 * with the timestamp the strategy's {@link TimestampCombiner} makes of the group's inputs (with the
 * default {@code END_OF_WINDOW}, the window's max timestamp). Groups are emitted key by key, in the
 * order each key first arrived, and within a key in the order its windows first arrived.
 *
 * <p>Only non-merging window functions, and triggers that fire once at the end of the window, are
 * supported (see {@link #checkSupported}); the constructor rejects others.
 * Call order: any number of {@link #processElement}, then {@link #finish} once. Not thread-safe;
 * a runner that groups in parallel partitions keys across instances.
 *
 * @param <K> the key type
 * @param <InputT> the value type
 * @param <AccumT> what a group keeps
 * @param <OutputT> a group's contents when emitted
 */
public final class BatchGroupAlsoByWindow<K, InputT, AccumT, OutputT> {
  private final Coder<K> keyCoder;
  private final PaneContents<InputT, AccumT, OutputT> contents;
  private final TimestampCombiner timestampCombiner;
  /** The groups by the structural value of their key. */
  private final Map<Object, KeyGroups<K, AccumT>> groups = new LinkedHashMap<>();
  private boolean finished;

  /**
   * A grouping for the step {@code stepName} with keys compared through {@code keyCoder}, each
   * group keeping {@code contents}.
   *
   * @throws UnsupportedOperationException as {@link #checkSupported} says
   */
  public BatchGroupAlsoByWindow(String stepName, Coder<K> keyCoder, PaneContents<InputT, AccumT, OutputT> contents,
      WindowingStrategy<?, ?> strategy) {
    checkSupported(stepName, strategy);
    this.keyCoder = Objects.requireNonNull(keyCoder, "keyCoder");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.timestampCombiner = strategy.getTimestampCombiner();
  }

  /** A grouping that keeps every value, as a {@code GroupByKey} does; see the constructor. */
  public static <K, V> BatchGroupAlsoByWindow<K, V, List<V>, Iterable<V>> buffering(
      String stepName, Coder<K> keyCoder, Coder<V> valueCoder, WindowingStrategy<?, ?> strategy) {
    return new BatchGroupAlsoByWindow<>(stepName, keyCoder, PaneContents.buffering(valueCoder), strategy);
  }

  /**
   * Checks, before any element flows, that a grouping step {@code stepName} of a collection with
   * {@code strategy} can be run by this class; runners call it when they plan a run.
   *
   * @throws UnsupportedOperationException naming the step and what is not supported yet: a window
   *     function that merges windows, or a trigger that may fire other than once, when the
   *     watermark passes the end of the window
   */
  public static void checkSupported(String stepName, WindowingStrategy<?, ?> strategy) {
    if (!strategy.getWindowFn().isNonMerging()) {
      throw new UnsupportedOperationException(
          "GroupByKey '" + stepName + "' groups a collection windowed by " + strategy.getWindowFn()
              + ", which merges windows; grouping with merging windows is not supported yet (Weir issue 3)."
              + " Fix: use a non-merging WindowFn such as FixedWindows or GlobalWindows.");
    }
    if (!firesOnlyAtEndOfWindow(strategy.getTrigger())) {
      throw new UnsupportedOperationException(
          "GroupByKey '" + stepName + "' groups a collection triggered by " + strategy.getTrigger()
              + ", which may fire before the end of the window; bounded grouping supports only triggers that"
              + " fire once when the watermark passes the end of the window, until triggers run in the"
              + " grouping core (Weir issue 3). Fix: use the default trigger or AfterWatermark.pastEndOfWindow()"
              + " without early firings.");
    }
  }

  /**
   * Whether this class can group a bounded collection with {@code strategy}: its window function
   * does not merge and its trigger fires once, when the watermark passes the end of the window.
   * Where it can, its groups equal those of the streaming {@link GroupAlsoByWindowCore} whose input
   * watermark reaches the end of time after all elements arrived.
   */
  public static boolean supports(WindowingStrategy<?, ?> strategy) {
    return strategy.getWindowFn().isNonMerging() && firesOnlyAtEndOfWindow(strategy.getTrigger());
  }

  /**
   * Whether {@code trigger}, over a bounded input whose watermark jumps to the end of time with no
   * late data, fires exactly once per window, when the watermark passes its end.
   */
  private static boolean firesOnlyAtEndOfWindow(Trigger trigger) {
    if (trigger instanceof DefaultTrigger || trigger instanceof AfterWatermark.FromEndOfWindow) {
      return true;
    }
    if (trigger instanceof AfterWatermark.AfterWatermarkEarlyAndLate earlyAndLate) {
      // Late firings need late data, which a bounded input never has.
      return earlyAndLate.getEarlyTrigger() instanceof Never.NeverTrigger;
    }
    if (trigger instanceof Repeatedly repeatedly) {
      return firesOnlyAtEndOfWindow(repeatedly.getRepeatedTrigger());
    }
    return false;
  }

  /** Adds {@code element} to the group of its key in each of its windows. */
  public void processElement(WindowedValue<KV<K, InputT>> element) {
    checkState(!finished, "processElement called after finish");
    K key = element.getValue().getKey();
    InputT value = element.getValue().getValue();
    Object structuralKey = keyCoder.structuralValue(key);
    KeyGroups<K, AccumT> keyGroups = groups.get(structuralKey);
    if (keyGroups == null) {
      keyGroups = new KeyGroups<>(key);
      groups.put(structuralKey, keyGroups);
    }
    for (BoundedWindow window : element.getWindows()) {
      Group<AccumT> group = keyGroups.groupOf(window);
      if (group == null) {
        group = keyGroups.open(window, contents.createEmpty(), timestampCombiner.assign(window, element.getTimestamp()));
      } else if (!timestampCombiner.dependsOnlyOnWindow()) {
        group.timestamp = timestampCombiner.combine(group.timestamp, timestampCombiner.assign(window, element.getTimestamp()));
      }
      group.accumulator = contents.add(group.accumulator, value);
    }
  }

  /** Emits every group to {@code output}, then forgets them. */
  public void finish(Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    checkState(!finished, "finish called twice");
    finished = true;
    for (KeyGroups<K, AccumT> keyGroups : groups.values()) {
      keyGroups.byWindow.forEach((window, group) -> output.accept(WindowedValue.of(
          KV.of(keyGroups.key, contents.extractLast(group.accumulator)), group.timestamp, window,
          PaneInfo.ON_TIME_AND_ONLY_FIRING)));
    }
    groups.clear();
  }

  /**
   * The groups of one key, by window. Keyed by key first so that an element in several windows
   * looks its key up once; the last group used is remembered because a key's consecutive elements
   * mostly fall in the same window.
   */
  private static final class KeyGroups<K, AccumT> {
    private final K key;
    private final Map<BoundedWindow, Group<AccumT>> byWindow = new LinkedHashMap<>();
    private BoundedWindow lastWindow;
    private Group<AccumT> lastGroup;

    KeyGroups(K key) {
      this.key = key;
    }

    Group<AccumT> groupOf(BoundedWindow window) {
      if (!window.equals(lastWindow)) {
        Group<AccumT> found = byWindow.get(window);
        if (found == null) {
          return null;
        }
        lastWindow = window;
        lastGroup = found;
      }
      return lastGroup;
    }

    Group<AccumT> open(BoundedWindow window, AccumT accumulator, Instant timestamp) {
      Group<AccumT> group = new Group<>(accumulator, timestamp);
      byWindow.put(window, group);
      lastWindow = window;
      lastGroup = group;
      return group;
    }
  }

  /** What one key in one window kept so far, and the combined timestamp of its inputs. */
  private static final class Group<AccumT> {
    private AccumT accumulator;
    private Instant timestamp;

    Group(AccumT accumulator, Instant timestamp) {
      this.accumulator = accumulator;
      this.timestamp = timestamp;
    }
  }
}
