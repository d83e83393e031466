package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import org.junit.jupiter.api.Test;

class ValueStateTest {
  private final StateSpec<ValueState<String>> spec = StateSpecs.value(StringUtf8Coder.of());
  private final ValueState<String> state = CellRoundTrip.bind(spec);

  @Test
  void readsNullBeforeAnyWrite() {
    assertNull(state.read());
    assertTrue(CellRoundTrip.savesNothing(state));
  }

  @Test
  void readsTheLastValueWritten() {
    state.write("a");
    state.write("b");
    assertEquals("b", state.read());
  }

  @Test
  void clearForgetsTheValue() {
    state.write("a");
    state.clear();
    assertNull(state.read());
    assertTrue(CellRoundTrip.savesNothing(state));
  }

  @Test
  void writingNullIsClearing() {
    state.write("a");
    state.write(null);
    assertNull(state.read());
    assertTrue(CellRoundTrip.savesNothing(state));
  }

  @Test
  void readLaterReturnsTheSameState() {
    assertSame(state, state.readLater());
  }

  @Test
  void survivesEncoding() {
    state.write("kept");
    ValueState<String> copy = CellRoundTrip.copy(spec, state);
    assertEquals("kept", copy.read());
    assertFalse(CellRoundTrip.savesNothing(copy));
  }
}
