package dev.weir.runtime.grouping;

import dev.weir.runtime.triggers.TriggerState;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * Writes the state of a {@link GroupAlsoByWindowCore} to bytes and reads it back, through coders
 * only. Format version 1, every part in the encoding of the coder named:
 *
 * <pre>
 * version                                   VarIntCoder (1)
 * input watermark, processing time,
 *   synchronized processing time            InstantCoder, 3 times
 * droppedDueToLateness,
 *   droppedDueToClosedWindow                VarLongCoder, 2 times
 * key count                                 VarIntCoder
 * per key, by unsigned key encoding:
 *   key encoding                            ByteArrayCoder (of the spec's key coder)
 *   active window count                     VarIntCoder
 *   per active window, by window encoding:
 *     window                                the window fn's window coder
 *     trigger state                         the trigger machine's state coder
 *     accumulator                           the pane contents' accumulator coder
 *     element hold, extra hold              NullableCoder(InstantCoder), 2 times
 *     previous pane                         NullableCoder(PaneInfoCoder)
 *     elements since the last pane          VarLongCoder
 *   closed window count                     VarIntCoder
 *   per closed window, by window encoding:  the window fn's window coder
 * </pre>
 *
 * Wake-ups and the hold multiset are derived from the above on reading. Equal states write equal
 * bytes. Used once per snapshot or restore; not thread-safe.
 */
final class GroupAlsoByWindowSnapshot<K, InputT, AccumT, OutputT> {
  static final int VERSION = 1;

  private static final Coder<Instant> INSTANT = InstantCoder.of();
  private static final Coder<Instant> NULLABLE_INSTANT = NullableCoder.of(InstantCoder.of());
  private static final Coder<PaneInfo> NULLABLE_PANE = NullableCoder.of(PaneInfo.PaneInfoCoder.INSTANCE);
  private static final Coder<Integer> COUNT = VarIntCoder.of();
  private static final Coder<Long> LONG = VarLongCoder.of();
  private static final Coder<byte[]> BYTES = ByteArrayCoder.of();

  private final GroupAlsoByWindowCore<K, InputT, AccumT, OutputT> core;
  private final Coder<BoundedWindow> windowCoder;
  private final Coder<TriggerState> triggerCoder;
  private final Coder<AccumT> accumulatorCoder;

  GroupAlsoByWindowSnapshot(GroupAlsoByWindowCore<K, InputT, AccumT, OutputT> core) {
    this.core = core;
    this.windowCoder = core.windowCoder();
    this.triggerCoder = core.spec().triggerMachine().stateCoder();
    this.accumulatorCoder = core.spec().contents().accumulatorCoder();
  }

  byte[] write() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      COUNT.encode(VERSION, out);
      for (Instant clock : core.clocks().values()) {
        INSTANT.encode(clock, out);
      }
      for (long counter : core.counters()) {
        LONG.encode(counter, out);
      }
      List<KeyState<K, AccumT>> keys = new ArrayList<>(core.state().keys.values());
      keys.sort(Comparator.comparing(keyState -> keyState.keyBytes));
      COUNT.encode(keys.size(), out);
      for (KeyState<K, AccumT> keyState : keys) {
        writeKey(keyState, out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Grouping step '" + core.spec().stepName() + "' cannot encode its state for a snapshot: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private void writeKey(KeyState<K, AccumT> keyState, OutputStream out) throws IOException {
    BYTES.encode(keyState.keyBytes.bytes(), out);
    List<WindowState<AccumT>> active = new ArrayList<>(keyState.active.values());
    active.sort(Comparator.comparing(state -> state.windowBytes));
    COUNT.encode(active.size(), out);
    for (WindowState<AccumT> state : active) {
      windowCoder.encode(state.window, out);
      triggerCoder.encode(state.trigger, out);
      accumulatorCoder.encode(state.accumulator, out);
      NULLABLE_INSTANT.encode(state.holds.element(), out);
      NULLABLE_INSTANT.encode(state.holds.extra(), out);
      NULLABLE_PANE.encode(state.previousPane, out);
      LONG.encode(state.elementsSincePane, out);
    }
    List<Map.Entry<BoundedWindow, WakeUps.WakeUp>> closed = new ArrayList<>(keyState.closed.entrySet());
    closed.sort(Comparator.comparing(entry -> entry.getValue().windowBytes()));
    COUNT.encode(closed.size(), out);
    for (Map.Entry<BoundedWindow, WakeUps.WakeUp> entry : closed) {
      windowCoder.encode(entry.getKey(), out);
    }
  }

  void read(byte[] snapshot) {
    ByteArrayInputStream in = new ByteArrayInputStream(snapshot);
    int version;
    try {
      version = COUNT.decode(in);
    } catch (IOException e) {
      throw invalid("it does not start with a format version", e);
    }
    if (version != VERSION) {
      throw invalid("it has format version " + version + ", and this version of Weir reads only version " + VERSION,
          null);
    }
    try {
      readBody(in);
    } catch (IOException | RuntimeException e) {
      // Decoders fail on foreign bytes with whatever exception their format suggests.
      throw invalid("its bytes do not decode with this step's coders (" + e + ")", e);
    }
    if (in.available() > 0) {
      throw invalid(in.available() + " bytes are left after its last key; it was written for other coders", null);
    }
  }

  private void readBody(InputStream in) throws IOException {
    Instant[] clocks = new Instant[3];
    for (int i = 0; i < clocks.length; i++) {
      clocks[i] = INSTANT.decode(in);
    }
    core.clocks().restore(clocks);
    core.restoreCounters(new long[] {LONG.decode(in), LONG.decode(in)});
    int keyCount = COUNT.decode(in);
    for (int i = 0; i < keyCount; i++) {
      readKey(in);
    }
  }

  private void readKey(InputStream in) throws IOException {
    EncodedBytes keyBytes = new EncodedBytes(BYTES.decode(in));
    K key = core.spec().keyCoder().decode(new ByteArrayInputStream(keyBytes.bytes()));
    KeyState<K, AccumT> keyState =
        core.state().keyState(key, core.spec().keyCoder().structuralValue(key), () -> keyBytes);
    int activeCount = COUNT.decode(in);
    for (int i = 0; i < activeCount; i++) {
      BoundedWindow window = windowCoder.decode(in);
      TriggerState trigger = triggerCoder.decode(in);
      AccumT accumulator = accumulatorCoder.decode(in);
      WindowState<AccumT> state =
          new WindowState<>(window, core.encode(windowCoder, window, "window"), accumulator, trigger);
      Holds holds = new Holds(NULLABLE_INSTANT.decode(in), NULLABLE_INSTANT.decode(in));
      state.previousPane = NULLABLE_PANE.decode(in);
      state.elementsSincePane = LONG.decode(in);
      core.state().putActive(keyState, state);
      core.state().setHolds(state, holds);
      core.firing().refreshWakeUps(keyState, state);
    }
    int closedCount = COUNT.decode(in);
    for (int i = 0; i < closedCount; i++) {
      BoundedWindow window = windowCoder.decode(in);
      core.state().putClosed(keyState, window, core.encode(windowCoder, window, "window"),
          core.expiry().garbageCollectionTime(window));
    }
  }

  private IllegalArgumentException invalid(String why, Throwable cause) {
    return new IllegalArgumentException(
        "Grouping step '" + core.spec().stepName() + "' cannot restore from this snapshot: " + why
            + ". Restore a snapshot written by the same step with the same coders and trigger.",
        cause);
  }
}
