package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCoderTest {
  private static final ListCoder<String> CODER = ListCoder.of(StringUtf8Coder.of());

  @Test
  void roundTripsEmptyAndUnicodeLists() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, List.of());
    CoderProperties.coderDecodeEncodeEqual(CODER, List.of("", "ünï", "𝄞"));
  }

  @Test
  void decodesToAMutableArrayList() throws Exception {
    assertInstanceOf(ArrayList.class, CoderProperties.decodeEncode(CODER, List.of("a")));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, List.of("a", "b"), List.of("c"));
  }

  @Test
  void encodesEqualListsOfDifferentClassesIdentically() throws Exception {
    CoderProperties.coderDeterministic(CODER, List.of("x", "y"), new LinkedList<>(List.of("x", "y")));
  }

  @Test
  void isDeterministicWhenItsElementCoderIs() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
  }

  @Test
  void isNotDeterministicWithANonDeterministicElementCoder() {
    ListCoder<Double> coder = ListCoder.of(DoubleCoder.of());
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
    assertTrue(e.getMessage().contains("ListCoder requires a deterministic element coder"), e.getMessage());
  }

  @Test
  void rejectsANullElementNamingItsType() {
    CoderException e =
        assertThrows(CoderException.class, () -> CoderProperties.encode(CODER, Arrays.asList("a", null)));
    assertEquals("cannot encode a null String; wrap the coder in NullableCoder", e.getMessage());
  }

  @Test
  void usesTheListItselfAsStructuralValueWhenElementsAreConsistentWithEquals() {
    List<String> list = List.of("a");
    assertTrue(CODER.consistentWithEquals());
    assertSame(list, CODER.structuralValue(list));
  }

  @Test
  void comparesByteArrayElementsByContentInStructuralValues() throws Exception {
    ListCoder<byte[]> coder = ListCoder.of(ByteArrayCoder.of());
    assertFalse(coder.consistentWithEquals());
    assertEquals(coder.structuralValue(List.of(new byte[] {1})), coder.structuralValue(List.of(new byte[] {1})));
    assertNotEquals(coder.structuralValue(List.of(new byte[] {1})), coder.structuralValue(List.of(new byte[] {2})));
    CoderProperties.structuralValueMatchesEncoding(coder, List.of(new byte[] {1}), List.of(new byte[] {1}));
  }

  @Test
  void reportsTheEncodedTypeFromItsElementCoder() {
    assertEquals(new TypeDescriptor<List<String>>() {}, CODER.getEncodedTypeDescriptor());
  }

  @Test
  void isNotEqualToAnIterableCoderOfTheSameElements() {
    assertEquals(CODER, ListCoder.of(StringUtf8Coder.of()));
    assertNotEquals(CODER, IterableCoder.of(StringUtf8Coder.of()));
  }
}
