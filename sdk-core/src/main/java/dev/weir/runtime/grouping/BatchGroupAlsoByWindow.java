package dev.weir.runtime.grouping;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.AfterWatermark;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.Never;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.TimestampCombiner;
import dev.weir.sdk.transforms.windowing.Trigger;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.WindowingStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>A merging window function (sessions) merges each key's windows once all input has arrived:
 * the groups of windows that merge become one, their contents merged ({@link PaneContents#merge})
 * and their timestamps by the combiner's {@code merge}. Only triggers that fire once at the end of
 * the window are supported (see {@link #checkSupported}); the constructor rejects others.
 * Call order: any number of {@link #processElement}, then {@link #finish} once. Not thread-safe;
 * a runner that groups in parallel partitions keys across instances.
 *
 * @param <K> the key type
 * @param <InputT> the value type
 * @param <AccumT> what a group keeps
 * @param <OutputT> a group's contents when emitted
 */
public final class BatchGroupAlsoByWindow<K, InputT, AccumT, OutputT> {
  /** Leads a snapshot; unlike the streaming core's format version, so that neither reads the other's. */
  private static final int SNAPSHOT_FORMAT = 0xB47C;
  private final String stepName;
  private final Coder<K> keyCoder;
  private final PaneContents<InputT, AccumT, OutputT> contents;
  private final TimestampCombiner timestampCombiner;
  /**
   * Whether a group's timestamp follows from its window alone (the default {@code END_OF_WINDOW}):
   * then groups keep none of their own, and the window is asked again at emission. Sessions keep a
   * group per element until the end, and the collector copies each group's timestamp slot as long
   * as it lives: without them micro-batch W3 runs about 7 % faster.
   */
  private final boolean timestampsFromWindows;
  private final Coder<BoundedWindow> windowCoder;
  /** The window function, if it merges windows; null otherwise. */
  private final WindowFn<?, ?> mergingWindowFn;
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
    this.stepName = stepName;
    this.mergingWindowFn = strategy.getWindowFn().isNonMerging() ? null : strategy.getWindowFn();
    this.keyCoder = Objects.requireNonNull(keyCoder, "keyCoder");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.timestampCombiner = strategy.getTimestampCombiner();
    this.timestampsFromWindows = timestampCombiner.dependsOnlyOnWindow();
    @SuppressWarnings("unchecked")
    Coder<BoundedWindow> coder = (Coder<BoundedWindow>) strategy.getWindowFn().windowCoder();
    this.windowCoder = coder;
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
   * @throws UnsupportedOperationException naming the step and the trigger, if it may fire other
   *     than once, when the watermark passes the end of the window
   */
  public static void checkSupported(String stepName, WindowingStrategy<?, ?> strategy) {
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
   * Whether this class can group a bounded collection with {@code strategy}: its trigger fires
   * once, when the watermark passes the end of the window.
   * Where it can, its groups equal those of the streaming {@link GroupAlsoByWindowCore} whose input
   * watermark reaches the end of time after all elements arrived.
   */
  public static boolean supports(WindowingStrategy<?, ?> strategy) {
    return firesOnlyAtEndOfWindow(strategy.getTrigger());
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
    checkState(!finished, "Grouping step '%s': processElement called after finish (an element after its bounded"
        + " input ended)", stepName);
    K key = element.getValue().getKey();
    InputT value = element.getValue().getValue();
    Object structuralKey = keyCoder.structuralValue(key);
    KeyGroups<K, AccumT> keyGroups = groups.get(structuralKey);
    if (keyGroups == null) {
      keyGroups = new KeyGroups<>(key, !timestampsFromWindows);
      groups.put(structuralKey, keyGroups);
    }
    for (BoundedWindow window : element.getWindows()) {
      int slot = keyGroups.slotOf(window);
      if (slot < 0) {
        // Asked even when the window alone decides it: a window makes its timestamp objects on first
        // use and keeps them, and it is young now; made at emission, they would be written into
        // windows the collector has moved to the old generation, each such write a reference from
        // old to young objects that every later young collection must scan.
        Instant timestamp = timestampCombiner.assign(window, element.getTimestamp());
        slot = keyGroups.open(window, contents.createEmpty(), timestamp);
      } else if (!timestampsFromWindows) {
        keyGroups.timestamps[slot] = timestampCombiner.combine(
            keyGroups.timestamps[slot], timestampCombiner.assign(window, element.getTimestamp()));
      }
      keyGroups.accumulators[slot] = contents.add(keyGroups.accumulators[slot], value);
    }
  }

  /**
   * Merges each key's windows if the window function merges, then emits every group to
   * {@code output} and forgets them.
   *
   * @throws dev.weir.runtime.dofn.UserCodeException naming the step if the window function's
   *     {@code mergeWindows} throws
   */
  public void finish(Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    checkState(!finished, "finish called twice");
    finished = true;
    for (KeyGroups<K, AccumT> keyGroups : groups.values()) {
      if (mergingWindowFn != null) {
        mergeWindows(keyGroups);
      }
      for (int i = 0; i < keyGroups.size; i++) {
        output.accept(WindowedValue.of(KV.of(keyGroups.key, contents.extractLast(keyGroups.accumulators[i])),
            timestampOf(keyGroups, i), keyGroups.windows[i], PaneInfo.ON_TIME_AND_ONLY_FIRING));
      }
    }
    groups.clear();
  }

  /**
   * Emits every group, as {@link #finish} does, once {@code inputWatermark} has reached the end of
   * time, which tells a runner driving this class by the watermark that the bounded input has all
   * arrived; returns whether it did. Call after the elements that came before that watermark. Does
   * nothing once finished.
   */
  public boolean finishAtEndOfInput(Instant inputWatermark, Consumer<? super WindowedValue<KV<K, OutputT>>> output) {
    if (finished || inputWatermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      return false;
    }
    finish(output);
    return true;
  }

  /**
   * The hold on the output watermark of a runner that groups with this class: the beginning of
   * time while it keeps groups not yet emitted (nothing downstream may see a watermark they are
   * behind), the end of time otherwise.
   */
  public Instant outputWatermarkHold() {
    return finished || groups.isEmpty() ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  /**
   * Everything grouped so far, through coders, for a runner that checkpoints a bounded grouping
   * while its input is read: a format marker, then per key in arrival order the key (key coder)
   * and its groups in arrival order (window coder, {@code InstantCoder} timestamp, the contents'
   * accumulator coder). After {@link #finish}, the snapshot of a grouping that holds nothing.
   *
   * @throws IllegalStateException naming the step if a coder cannot encode part of it
   */
  public byte[] snapshot() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VarIntCoder.of().encode(SNAPSHOT_FORMAT, out);
      VarIntCoder.of().encode(groups.size(), out);
      for (KeyGroups<K, AccumT> keyGroups : groups.values()) {
        keyCoder.encode(keyGroups.key, out);
        VarIntCoder.of().encode(keyGroups.size, out);
        for (int i = 0; i < keyGroups.size; i++) {
          windowCoder.encode(keyGroups.windows[i], out);
          InstantCoder.of().encode(timestampOf(keyGroups, i), out);
          contents.accumulatorCoder().encode(keyGroups.accumulators[i], out);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Grouping step '" + stepName + "' cannot encode its state for a snapshot: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Puts back, into this grouping that has seen nothing yet, the groups of {@code snapshot}, taken
   * by {@link #snapshot} of the same step with the same coders.
   *
   * @throws IllegalArgumentException naming the step if the bytes are not such a snapshot
   */
  public void restore(byte[] snapshot) {
    checkState(groups.isEmpty() && !finished, "restore called on a grouping that already holds groups");
    ByteArrayInputStream in = new ByteArrayInputStream(snapshot);
    int format;
    try {
      format = VarIntCoder.of().decode(in);
    } catch (IOException e) {
      throw invalid(e.toString(), e);
    }
    if (format != SNAPSHOT_FORMAT) {
      throw invalid("it is not a bounded grouping's snapshot (format " + format + ")", null);
    }
    try {
      readGroups(in);
    } catch (IOException | RuntimeException e) {
      throw invalid(e.toString(), e);
    }
    if (in.available() > 0) {
      throw invalid(in.available() + " bytes are left over", null);
    }
  }

  private void readGroups(InputStream in) throws IOException {
    int keys = VarIntCoder.of().decode(in);
    for (int i = 0; i < keys; i++) {
      KeyGroups<K, AccumT> keyGroups = new KeyGroups<>(keyCoder.decode(in), !timestampsFromWindows);
      groups.put(keyCoder.structuralValue(keyGroups.key), keyGroups);
      int windows = VarIntCoder.of().decode(in);
      for (int j = 0; j < windows; j++) {
        BoundedWindow window = windowCoder.decode(in);
        Instant timestamp = InstantCoder.of().decode(in);
        keyGroups.open(window, contents.accumulatorCoder().decode(in), timestamp);
      }
    }
  }

  private IllegalArgumentException invalid(String why, Throwable cause) {
    return new IllegalArgumentException("Grouping step '" + stepName + "' cannot restore from this snapshot: " + why
        + ". Restore a snapshot written by the same step with the same coders.", cause);
  }

  /**
   * Merges the key's windows as the window function says, until it merges no more (a merge may
   * make a window that overlaps another): each merged group combines the contents and the
   * timestamps of the groups merged into it, as the streaming core's merge does.
   */
  private void mergeWindows(KeyGroups<K, AccumT> keyGroups) {
    List<MergingWindows.Merge> merges;
    while (!(merges = MergingWindows.merge(stepName, mergingWindowFn, keyGroups.windowList(), List.of())).isEmpty()) {
      KeyGroups<K, AccumT> merged = new KeyGroups<>(keyGroups.key, !timestampsFromWindows);
      boolean[] mergedAway = new boolean[keyGroups.size];
      for (MergingWindows.Merge merge : merges) {
        for (BoundedWindow source : merge.toBeMerged()) {
          mergedAway[keyGroups.slotOf(source)] = true;
        }
      }
      for (int i = 0; i < keyGroups.size; i++) {
        if (!mergedAway[i]) {
          merged.open(keyGroups.windows[i], keyGroups.accumulators[i], timestampOf(keyGroups, i));
        }
      }
      for (MergingWindows.Merge merge : merges) {
        List<AccumT> accumulators = new ArrayList<>();
        List<Instant> timestamps = new ArrayList<>();
        for (BoundedWindow source : merge.toBeMerged()) {
          int slot = keyGroups.slotOf(source);
          accumulators.add(keyGroups.accumulators[slot]);
          timestamps.add(timestampOf(keyGroups, slot));
        }
        merged.open(merge.result(), contents.merge(accumulators), timestampCombiner.merge(merge.result(), timestamps));
      }
      keyGroups.takeGroupsOf(merged);
    }
  }

  /** The timestamp of the group in {@code slot} of {@code keyGroups}. */
  private Instant timestampOf(KeyGroups<K, AccumT> keyGroups, int slot) {
    BoundedWindow window = keyGroups.windows[slot];
    return keyGroups.timestamps == null ? timestampCombiner.assign(window, window.maxTimestamp())
        : keyGroups.timestamps[slot];
  }

  /**
   * The groups of one key, in the order their windows first arrived, in parallel arrays: a group
   * is no object of its own, so the collector copies one object (its accumulator) per key and
   * window, not four, while a bounded input is read. Keyed by key first so that an element in
   * several windows looks its key up once. Windows are found from the latest group backwards (a
   * key's consecutive elements mostly fall in its latest windows), and through a hash index once a
   * key has more than {@value #SCANNED} groups.
   *
   * <p>{@link KeyedAccumulators}' per-key table has the same layout without the index (a map-side
   * combine drains its keys long before they gather many windows). They are kept apart on purpose:
   * one class shared by both, with the index in a subclass, measured 2–5 % slower on the streaming
   * workloads, whose per-value path runs through the combine's table.
   */
  private static final class KeyGroups<K, AccumT> {
    /** Up to this many groups, a window is looked for by scanning; beyond, through the index. */
    private static final int SCANNED = 8;
    private final K key;
    private BoundedWindow[] windows = new BoundedWindow[2];
    private AccumT[] accumulators = newArray(2);
    /** Null if the grouping's timestamps follow from the windows; then {@link #open} ignores its timestamp. */
    private Instant[] timestamps;
    private int size;
    /** Slot + 1 of each group, by its window's hash (open addressing, at most half full); null up to {@link #SCANNED}. */
    private int[] index;

    KeyGroups(K key, boolean keepsTimestamps) {
      this.key = key;
      this.timestamps = keepsTimestamps ? new Instant[2] : null;
    }

    /** The slot of the group of {@code window}, or -1 if it has none. */
    int slotOf(BoundedWindow window) {
      int last = size - 1;
      if (last >= 0 && windows[last].equals(window)) {
        return last;
      }
      if (index == null) {
        for (int i = last - 1; i >= 0; i--) {
          if (windows[i].equals(window)) {
            return i;
          }
        }
        return -1;
      }
      int mask = index.length - 1;
      for (int at = spread(window.hashCode()) & mask; index[at] != 0; at = (at + 1) & mask) {
        int slot = index[at] - 1;
        if (windows[slot].equals(window)) {
          return slot;
        }
      }
      return -1;
    }

    /** Adds the group of {@code window}, which has none yet; returns its slot. */
    int open(BoundedWindow window, AccumT accumulator, Instant timestamp) {
      if (size == windows.length) {
        int length = size * 2;
        windows = Arrays.copyOf(windows, length);
        accumulators = Arrays.copyOf(accumulators, length);
        timestamps = timestamps == null ? null : Arrays.copyOf(timestamps, length);
      }
      windows[size] = window;
      accumulators[size] = accumulator;
      if (timestamps != null) {
        timestamps[size] = timestamp;
      }
      size++;
      if (index != null && 2 * size > index.length) {
        reindex(2 * index.length);
      } else if (index != null) {
        insert(size - 1);
      } else if (size > SCANNED) {
        reindex(4 * Integer.highestOneBit(size));
      }
      return size - 1;
    }

    List<BoundedWindow> windowList() {
      return Arrays.asList(windows).subList(0, size);
    }

    /** Makes the groups of {@code other} (of the same key) this one's. */
    void takeGroupsOf(KeyGroups<K, AccumT> other) {
      windows = other.windows;
      accumulators = other.accumulators;
      timestamps = other.timestamps;
      size = other.size;
      index = other.index;
    }

    private void reindex(int length) {
      index = new int[length];
      for (int slot = 0; slot < size; slot++) {
        insert(slot);
      }
    }

    private void insert(int slot) {
      int mask = index.length - 1;
      int at = spread(windows[slot].hashCode()) & mask;
      while (index[at] != 0) {
        at = (at + 1) & mask;
      }
      index[at] = slot + 1;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }

    @SuppressWarnings("unchecked")
    private static <AccumT> AccumT[] newArray(int length) {
      return (AccumT[]) new Object[length];
    }
  }
}
