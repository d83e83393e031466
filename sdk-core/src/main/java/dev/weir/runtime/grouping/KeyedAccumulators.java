package dev.weir.runtime.grouping;

import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntBiFunction;

/**
 * The accumulators of a map-side combine ({@link MapSideCombining}), as both streaming runners keep
 * them before their exchange: per key (compared by {@link Coder#structuralValue}) one accumulator of
 * the CombineFn per window, values added one by one; {@link #drain} hands each out as
 * {@code KV<key, accumulator>} in its window, at the window's max timestamp (the END_OF_WINDOW rule
 * map-side combining requires) and {@link PaneInfo#NO_FIRING}, with the route (key partition or
 * subtask) that the drain's route function gave the key once, and forgets it. The grouping merges such
 * accumulators ({@link PaneContents#mergingAccumulators}).
 *
 * <p>Not thread-safe: owned by one producing thread, with its own copy of the CombineFn. A key that
 * had no value between two drains is forgotten at the second (at the third if it kept a lone window
 * through the first); the others keep their entries (and routes). An owner that drains seldom, after most of its keys came again (a micro-batch task's
 * accumulators, reused from batch to batch), may have each key whose values all fell in one window
 * keep that window through a drain ({@link #keepingLoneWindows}): the key's next values then take
 * the path its values took before the drain. Where every drain is followed by a first value that
 * takes another path (a new entry, a new window), the JIT, which compiled that path away while the
 * first values ran in the interpreter, throws the per-value code away and compiles it again. A failure of the CombineFn is rethrown as a {@link UserCodeException} naming the step.
 *
 * @param <K> the key type
 * @param <InputT> the value type
 * @param <AccumT> the accumulator type
 */
public final class KeyedAccumulators<K, InputT, AccumT> {
  private final String stepName;
  private final CombineFn<InputT, AccumT, ?> fn;
  private final Coder<K> keyCoder;
  private final boolean keysAreStructural;
  private final boolean keepsLoneWindows;
  /** The structural value of the null key, once it came. */
  private Object structuralNullKey;
  /** The entries of the keys seen since the drain before the last one, by structural key. */
  private final Map<Object, KeyPartials<K, AccumT>> keys = new HashMap<>();
  /** The keys with accumulators, in the order of their first value since the last drain. */
  private List<KeyPartials<K, AccumT>> order = new ArrayList<>();
  private int size;

  /** Accumulators of {@code fn} for the grouping step {@code stepName}, keys compared through {@code keyCoder}. */
  public KeyedAccumulators(String stepName, CombineFn<InputT, AccumT, ?> fn, Coder<K> keyCoder) {
    this(stepName, fn, keyCoder, false);
  }

  private KeyedAccumulators(String stepName, CombineFn<InputT, AccumT, ?> fn, Coder<K> keyCoder,
      boolean keepsLoneWindows) {
    this.stepName = stepName;
    this.fn = fn;
    this.keyCoder = keyCoder;
    this.keysAreStructural = keyCoder.consistentWithEquals();
    this.keepsLoneWindows = keepsLoneWindows;
  }

  /**
   * Accumulators like {@link #KeyedAccumulators(String, CombineFn, Coder)}'s whose drains keep, for
   * each key whose values since the drain before all fell in one window, that window with a fresh
   * accumulator, handed out again only if it takes a value.
   */
  public static <K, InputT, AccumT> KeyedAccumulators<K, InputT, AccumT> keepingLoneWindows(
      String stepName, CombineFn<InputT, AccumT, ?> fn, Coder<K> keyCoder) {
    return new KeyedAccumulators<>(stepName, fn, keyCoder, true);
  }

  /** Adds {@code value} to {@code key}'s accumulator in each of {@code windows}. */
  public void add(K key, InputT value, Collection<? extends BoundedWindow> windows) {
    // Keys of a coder consistent with equals are their own structural values; asking the coder
    // would be a virtual call per value whose receiver differs between groupings, which makes the
    // JIT compile this method again for each new coder it meets. The null key (Combine.globally's)
    // would be encoded per value: its structural value is asked once.
    Object structuralKey = key == null ? structuralNullKey()
        : keysAreStructural ? key : keyCoder.structuralValue(key);
    // Two tests whose both outcomes come from the first values on (new keys and known ones): a test
    // that first goes the other way only after a drain (a known key without accumulators) would
    // make the JIT throw away the code it compiled for this method and compile it again.
    KeyPartials<K, AccumT> partials = keys.get(structuralKey);
    if (partials == null) {
      partials = new KeyPartials<>(key, structuralKey);
      keys.put(structuralKey, partials);
    }
    if (partials.size == 0) {
      order.add(partials);
    }
    try {
      for (BoundedWindow window : windows) {
        int slot = partials.indexOf(window);
        if (slot < 0) {
          slot = partials.add(window, fn.createAccumulator());
          size++;
        } else if (keepsLoneWindows) {
          // A kept window counts at its first value since the drain; counted without a test, as
          // that value is no rarer a path than the others.
          size += partials.untouched;
          partials.untouched = 0;
        }
        partials.accumulators[slot] = fn.addInput(partials.accumulators[slot], value);
      }
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    }
  }

  private Object structuralNullKey() {
    if (structuralNullKey == null) {
      structuralNullKey = keyCoder.structuralValue(null);
    }
    return structuralNullKey;
  }

  /**
   * {@code value} alone in an accumulator of its own, for a window the caller does not combine
   * into (one already expired for the grouping, whose core must drop and count each value).
   */
  public AccumT alone(InputT value) {
    try {
      return fn.addInput(fn.createAccumulator(), value);
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    }
  }

  /** How many accumulators took a value since the last drain. */
  public int size() {
    return size;
  }

  /**
   * Hands every accumulator that took a value, with its key's route, to {@code output} (keys in the
   * order of their first value since the last drain, or kept through it), and forgets them (but a
   * kept lone window, which starts afresh). {@code routeOfKey} gives a key (and its
   * structural value) its route, asked once while the key stays known: pass the same function at
   * every drain.
   */
  public void drain(ToIntBiFunction<K, Object> routeOfKey, ObjIntConsumer<WindowedValue<KV<K, AccumT>>> output) {
    if (size == 0) {
      return;
    }
    if (keys.size() > order.size()) {
      keys.values().removeIf(partials -> partials.size == 0);
    }
    List<KeyPartials<K, AccumT>> draining = order;
    order = new ArrayList<>(draining.size());
    size = 0;
    for (KeyPartials<K, AccumT> partials : draining) {
      // A kept window that took no value is not handed out: it is slot 0, the only one.
      int first = partials.untouched;
      if (first < partials.size && partials.route < 0) {
        partials.route = routeOfKey.applyAsInt(partials.key, partials.structuralKey);
      }
      for (int i = first; i < partials.size; i++) {
        BoundedWindow window = partials.windows[i];
        output.accept(WindowedValue.of(KV.of(partials.key, partials.accumulators[i]), window.maxTimestamp(), window,
            PaneInfo.NO_FIRING), partials.route);
      }
      BoundedWindow lone = partials.size - first == 1 ? partials.windows[first] : null;
      for (int i = 0; i < partials.size; i++) {
        partials.windows[i] = null;
        partials.accumulators[i] = null;
      }
      partials.size = 0;
      partials.untouched = 0;
      if (keepsLoneWindows && lone != null) {
        keepLoneWindow(partials, lone);
      }
    }
  }

  /** Keeps {@code window} as the only window of {@code partials}, just emptied, with a fresh accumulator. */
  private void keepLoneWindow(KeyPartials<K, AccumT> partials, BoundedWindow window) {
    try {
      partials.add(window, fn.createAccumulator());
    } catch (RuntimeException e) {
      throw new UserCodeException(stepName, e);
    }
    partials.untouched = 1;
    order.add(partials);
  }

  /**
   * One key's accumulators, one per window, in the order their windows first came. Windows are
   * found by a scan of their hashes, held here, rather than a hash lookup per window: a key meets
   * few windows between drains, and an element's windows are fresh objects whose comparison with
   * stored ones costs a memory access each, which the hashes spare for all but a likely match.
   *
   * <p>The scan ends at a sentinel hash no window has, so that a window not found always steps past
   * a mismatch, a key's first value too. Without it, while every key has one window (the first
   * seconds of event time), no search ever passes a mismatch; the JIT compiles that step away and,
   * at the first key to reach a second window, throws the compiled {@link #add} out and compiles it
   * again, which at a job's start holds up the only C2 thread for tens of milliseconds.
   */
  private static final class KeyPartials<K, AccumT> {
    /** A hash no window has: window hashes are ints. */
    private static final long NO_WINDOW = Long.MIN_VALUE;
    private static final int INITIAL_CAPACITY = 4;
    private final K key;
    private final Object structuralKey;
    /** The key's route, or -1 until a drain asked. */
    private int route = -1;
    // Room for a few windows from the start: a key's first windows then take the path all its
    // later ones take (no growing), so the JIT, which compiles this while keys have one window each,
    // has seen it.
    private BoundedWindow[] windows = new BoundedWindow[INITIAL_CAPACITY];
    private AccumT[] accumulators = newArray(INITIAL_CAPACITY);
    /** The hash of window {@code i} at {@code i + 1}, after {@link #NO_WINDOW} at 0. */
    private long[] hashes = newHashes(INITIAL_CAPACITY);
    /** 1 while the window kept through the last drain (slot 0) took no value since, else 0. */
    private int untouched;
    private int size;

    KeyPartials(K key, Object structuralKey) {
      this.key = key;
      this.structuralKey = structuralKey;
    }

    int indexOf(BoundedWindow window) {
      long hash = window.hashCode();
      // From the latest: a key's consecutive values mostly fall in its latest windows.
      // Down to the sentinel at 0, tested as "above -1": the JIT guards a loop tested "at least 0"
      // with a check that fails once the loop runs more than once, and compiles it again.
      for (int i = size; i > -1; i--) {
        if (hashes[i] == hash && windows[i - 1].equals(window)) {
          return i - 1;
        }
      }
      return -1;
    }

    int add(BoundedWindow window, AccumT accumulator) {
      if (size == windows.length) {
        int length = size * 2;
        windows = Arrays.copyOf(windows, length);
        accumulators = Arrays.copyOf(accumulators, length);
        hashes = Arrays.copyOf(hashes, length + 1);
      }
      windows[size] = window;
      accumulators[size] = accumulator;
      hashes[size + 1] = window.hashCode();
      return size++;
    }

    private static long[] newHashes(int capacity) {
      long[] hashes = new long[capacity + 1];
      hashes[0] = NO_WINDOW;
      return hashes;
    }

    @SuppressWarnings("unchecked")
    private static <AccumT> AccumT[] newArray(int length) {
      return (AccumT[]) new Object[length];
    }
  }
}
