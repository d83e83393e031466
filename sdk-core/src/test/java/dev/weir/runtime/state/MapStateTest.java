package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.MapState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapStateTest {
  private final StateSpec<MapState<String, Integer>> spec = StateSpecs.map(StringUtf8Coder.of(), VarIntCoder.of());
  private final MapState<String, Integer> map = CellRoundTrip.bind(spec);

  @Test
  void getReadsWhatWasPut() {
    map.put("a", 1);
    map.put("a", 2);
    assertEquals(2, map.get("a").read());
    assertNull(map.get("b").read());
    assertEquals(7, map.getOrDefault("b", 7).read());
  }

  @Test
  void putIfAbsentKeepsAnExistingValueAndReturnsThePrevious() {
    assertNull(map.putIfAbsent("a", 1).read());
    assertEquals(1, map.putIfAbsent("a", 2).read());
    assertEquals(1, map.get("a").read());
  }

  @Test
  void computeIfAbsentComputesOnlyForAnAbsentKey() {
    assertNull(map.computeIfAbsent("abc", String::length).read());
    assertEquals(3, map.get("abc").read());
    assertEquals(3, map.computeIfAbsent("abc", k -> { throw new AssertionError("computed again"); }).read());
  }

  @Test
  void removeDropsAKey() {
    map.put("a", 1);
    map.remove("a");
    assertNull(map.get("a").read());
    assertTrue(map.isEmpty().read());
  }

  @Test
  void keysValuesAndEntriesAreEvaluatedWhenReadInTheOrderKeysWereFirstPut() {
    ReadableState<Iterable<String>> keys = map.keys();
    map.put("b", 2);
    map.put("a", 1);
    map.put("b", 3);
    assertEquals(List.of("b", "a"), ImmutableList.copyOf(keys.read()));
    assertEquals(List.of(3, 1), ImmutableList.copyOf(map.values().read()));
    assertEquals(List.of(Map.entry("b", 3), Map.entry("a", 1)), ImmutableList.copyOf(map.entries().read()));
  }

  @Test
  void clearEmptiesTheMap() {
    map.put("a", 1);
    ReadableState<Boolean> empty = map.isEmpty();
    assertFalse(empty.read());
    map.clear();
    assertTrue(empty.read());
    assertTrue(CellRoundTrip.savesNothing(map));
  }

  @Test
  void survivesEncodingInOrder() {
    map.put("z", 26);
    map.put("a", 1);
    MapState<String, Integer> copy = CellRoundTrip.copy(spec, map);
    assertEquals(List.of("z", "a"), ImmutableList.copyOf(copy.keys().read()));
    assertEquals(26, copy.get("z").read());
  }
}
