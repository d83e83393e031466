package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapCoderTest {
  private static final MapCoder<String, Integer> CODER = MapCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  @Test
  void roundTripsEmptyAndNonEmptyMaps() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, Map.of());
    CoderProperties.coderDecodeEncodeEqual(CODER, Map.of("a", 1, "", -1, "ü", Integer.MIN_VALUE));
  }

  @Test
  void encodesACountThenEachKeyAndValue() throws Exception {
    assertArrayEquals(new byte[] {1, 1, 'k', 5}, CoderProperties.encode(CODER, Map.of("k", 5)));
  }

  @Test
  void keepsTheEncodedOrderWhenDecoding() throws Exception {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", 2);
    assertEquals(List.of("z", "a"), List.copyOf(CoderProperties.decodeEncode(CODER, ordered).keySet()));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Map.of("a", 1), Map.of());
  }

  @Test
  void encodesNullValuesWhenTheValueCoderIsNullable() throws Exception {
    MapCoder<String, Integer> coder = MapCoder.of(StringUtf8Coder.of(), NullableCoder.of(VarIntCoder.of()));
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("missing", null);
    CoderProperties.coderDecodeEncodeEqual(coder, withNull);
  }

  @Test
  void isNotDeterministicBecauseEqualMapsMayIterateDifferently() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("iteration order of a Map"), e.getMessage());
  }

  @Test
  void usesTheMapItselfAsStructuralValueWhenComponentsAreConsistentWithEquals() {
    Map<String, Integer> map = Map.of("a", 1);
    assertSame(map, CODER.structuralValue(map));
  }

  @Test
  void comparesByteArrayValuesByContentInStructuralValuesRegardlessOfOrder() {
    MapCoder<String, byte[]> coder = MapCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());
    Map<String, byte[]> forward = new LinkedHashMap<>();
    forward.put("a", new byte[] {1});
    forward.put("b", new byte[] {2});
    Map<String, byte[]> backward = new LinkedHashMap<>();
    backward.put("b", new byte[] {2});
    backward.put("a", new byte[] {1});
    assertEquals(coder.structuralValue(forward), coder.structuralValue(backward));
    backward.put("a", new byte[] {9});
    assertNotEquals(coder.structuralValue(forward), coder.structuralValue(backward));
  }

  @Test
  void reportsTheEncodedTypeFromItsComponents() {
    assertEquals(new TypeDescriptor<Map<String, Integer>>() {}, CODER.getEncodedTypeDescriptor());
  }
}
