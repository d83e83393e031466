package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.state.State;
import dev.weir.sdk.state.StateSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Binds state cells from specs and copies them through their encoding, as snapshots do. */
final class CellRoundTrip {
  private CellRoundTrip() {}

  /** A fresh in-memory state for {@code spec}. */
  static <StateT extends State> StateT bind(StateSpec<StateT> spec) {
    return spec.bind("test", InMemoryStateBinder.INSTANCE);
  }

  /**
   * A fresh state of {@code spec} holding what {@code state} encodes, checking that the copy encodes
   * to the same bytes.
   */
  static <StateT extends State> StateT copy(StateSpec<StateT> spec, StateT state) {
    byte[] bytes = encode(state);
    StateT copy = bind(spec);
    try {
      ((StateCell) copy).decode(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(Arrays.toString(bytes), Arrays.toString(encode(copy)));
    return copy;
  }

  private static byte[] encode(State state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ((StateCell) state).encode(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Whether the cell would be left out of a snapshot. */
  static boolean savesNothing(State state) {
    return ((StateCell) state).hasNothingToSave();
  }
}
