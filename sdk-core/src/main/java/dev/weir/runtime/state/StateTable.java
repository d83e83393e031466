package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The user state of one stateful step, in memory: one {@link State} per key, window and state id,
 * created on first use from the step's {@link StateSpec}s and kept until its window is cleared.
 *
 * <p>Snapshots ({@link #encode}) hold only cells with contents, in a canonical order (keys and
 * windows by their encodings, state ids alphabetically), so that equal contents always give equal
 * bytes: a count of (key, window) groups, then per group the key, the window, a count of cells,
 * and per cell its state id and contents.
 *
 * <p>Passive and not thread-safe.
 *
 * @param <K> the type of the keys
 */
public final class StateTable<K> {
  private final String owner;
  private final Map<String, StateSpec<?>> specs;
  private final Map<StructuralKey<K>, Map<BoundedWindow, Map<String, StateCell>>> cells = new HashMap<>();

  /**
   * A table of the state declared by {@code specs}, keyed by state id.
   *
   * @param owner who the state belongs to, for messages, such as "step 'Count' (DoFn CountFn)"
   */
  public StateTable(String owner, Map<String, ? extends StateSpec<?>> specs) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.specs = Map.copyOf(specs);
  }

  /**
   * The state {@code stateId} of {@code key} in {@code window}, created empty on first use.
   *
   * @throws IllegalArgumentException if {@code stateId} is not declared
   */
  public State get(StructuralKey<K> key, BoundedWindow window, String stateId) {
    Map<String, StateCell> windowCells =
        cells.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(window, w -> new HashMap<>());
    StateCell cell = windowCells.get(stateId);
    if (cell == null) {
      cell = bind(stateId);
      windowCells.put(stateId, cell);
    }
    return (State) cell;
  }

  private StateCell bind(String stateId) {
    StateSpec<?> spec = specs.get(stateId);
    checkArgument(spec != null, "%s has no state '%s'; its state ids are %s", owner, stateId, specs.keySet());
    return (StateCell) spec.bind(stateId, InMemoryStateBinder.INSTANCE);
  }

  /** Drops every state of {@code key} in {@code window}. */
  public void clearWindow(StructuralKey<K> key, BoundedWindow window) {
    Map<BoundedWindow, Map<String, StateCell>> windows = cells.get(key);
    if (windows != null) {
      windows.remove(window);
      if (windows.isEmpty()) {
        cells.remove(key);
      }
    }
  }

  /** Whether no state holds anything. */
  public boolean isEmpty() {
    for (Map<BoundedWindow, Map<String, StateCell>> windows : cells.values()) {
      for (Map<String, StateCell> windowCells : windows.values()) {
        for (StateCell cell : windowCells.values()) {
          if (!cell.hasNothingToSave()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Writes every state with contents, in canonical order. */
  public void encode(OutputStream out, Coder<K> keyCoder, Coder<BoundedWindow> windowCoder) throws IOException {
    List<StructuralKey<K>> keys = new ArrayList<>(cells.keySet());
    keys.sort(StructuralKey.ENCODED_ORDER);
    List<Group<K>> groups = new ArrayList<>();
    for (StructuralKey<K> key : keys) {
      for (Map.Entry<byte[], BoundedWindow> window : sortedWindows(cells.get(key).keySet(), windowCoder)) {
        Map<String, StateCell> saved = new TreeMap<>();
        for (Map.Entry<String, StateCell> cell : cells.get(key).get(window.getValue()).entrySet()) {
          if (!cell.getValue().hasNothingToSave()) {
            saved.put(cell.getKey(), cell.getValue());
          }
        }
        if (!saved.isEmpty()) {
          groups.add(new Group<>(key, window.getKey(), saved));
        }
      }
    }
    Coder<StructuralKey<K>> structuralKeyCoder = StructuralKey.coder(keyCoder);
    VarIntCoder.of().encode(groups.size(), out);
    for (Group<K> group : groups) {
      structuralKeyCoder.encode(group.key(), out);
      out.write(group.window());
      VarIntCoder.of().encode(group.cells().size(), out);
      for (Map.Entry<String, StateCell> cell : group.cells().entrySet()) {
        StringUtf8Coder.of().encode(cell.getKey(), out);
        try {
          cell.getValue().encode(out);
        } catch (IOException | RuntimeException e) {
          throw new CoderException("Cannot encode state '" + cell.getKey() + "' of " + owner + " for key "
              + group.key() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static List<Map.Entry<byte[], BoundedWindow>> sortedWindows(
      Iterable<BoundedWindow> windows, Coder<BoundedWindow> windowCoder) throws CoderException {
    List<Map.Entry<byte[], BoundedWindow>> result = new ArrayList<>();
    for (BoundedWindow window : windows) {
      result.add(Map.entry(CoderUtils.encodeToByteArray(windowCoder, window), window));
    }
    result.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
    return result;
  }

  /**
   * Replaces the contents with what {@link #encode} wrote.
   *
   * @throws CoderException if the bytes hold state this table does not declare, or are malformed
   */
  public void decode(InputStream in, Coder<K> keyCoder, Coder<BoundedWindow> windowCoder) throws IOException {
    cells.clear();
    Coder<StructuralKey<K>> structuralKeyCoder = StructuralKey.coder(keyCoder);
    int groups = VarIntCoder.of().decode(in);
    for (int g = 0; g < groups; g++) {
      StructuralKey<K> key = structuralKeyCoder.decode(in);
      BoundedWindow window = windowCoder.decode(in);
      int count = VarIntCoder.of().decode(in);
      for (int c = 0; c < count; c++) {
        String stateId = StringUtf8Coder.of().decode(in);
        if (!specs.containsKey(stateId)) {
          throw new CoderException("The snapshot holds state '" + stateId + "', which " + owner
              + " does not declare (it declares " + specs.keySet() + "); the DoFn changed since the snapshot was taken");
        }
        ((StateCell) get(key, window, stateId)).decode(in);
      }
    }
  }

  /** The state ids with contents of {@code key} in {@code window}, for tests and diagnostics. */
  public Map<String, State> contents(StructuralKey<K> key, BoundedWindow window) {
    Map<String, State> result = new LinkedHashMap<>();
    Map<BoundedWindow, Map<String, StateCell>> windows = cells.getOrDefault(key, Map.of());
    for (Map.Entry<String, StateCell> cell : new TreeMap<>(windows.getOrDefault(window, Map.of())).entrySet()) {
      if (!cell.getValue().hasNothingToSave()) {
        result.put(cell.getKey(), (State) cell.getValue());
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /** One (key, window) of a snapshot, its window already encoded. */
  private record Group<K>(StructuralKey<K> key, byte[] window, Map<String, StateCell> cells) {}
}
