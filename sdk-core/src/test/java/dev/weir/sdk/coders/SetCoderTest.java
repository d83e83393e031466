package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetCoderTest {
  private static final SetCoder<Integer> CODER = SetCoder.of(VarIntCoder.of());

  @Test
  void roundTripsEmptyAndNonEmptySets() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, Set.of());
    CoderProperties.coderDecodeEncodeEqual(CODER, Set.of(1, -1, Integer.MAX_VALUE));
  }

  @Test
  void keepsTheEncodedOrderWhenDecoding() throws Exception {
    Set<Integer> ordered = new LinkedHashSet<>(List.of(3, 1, 2));
    assertEquals(List.of(3, 1, 2), List.copyOf(CoderProperties.decodeEncode(CODER, ordered)));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Set.of(1, 2), Set.of());
  }

  @Test
  void isNotDeterministicBecauseEqualSetsMayIterateDifferently() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("iteration order of a Set"), e.getMessage());
  }

  @Test
  void givesEqualSetsInDifferentOrdersEqualStructuralValues() {
    Set<Integer> forward = new LinkedHashSet<>(List.of(1, 2));
    Set<Integer> backward = new LinkedHashSet<>(List.of(2, 1));
    assertFalse(CODER.consistentWithEquals());
    assertEquals(CODER.structuralValue(forward), CODER.structuralValue(backward));
  }

  @Test
  void comparesByteArrayElementsByContentInStructuralValues() {
    SetCoder<byte[]> coder = SetCoder.of(ByteArrayCoder.of());
    Set<byte[]> forward = new LinkedHashSet<>(List.of(new byte[] {1}, new byte[] {2}));
    Set<byte[]> backward = new LinkedHashSet<>(List.of(new byte[] {2}, new byte[] {1}));
    assertEquals(coder.structuralValue(forward), coder.structuralValue(backward));
    assertNotEquals(coder.structuralValue(forward), coder.structuralValue(Set.of(new byte[] {1})));
  }

  @Test
  void reportsTheEncodedTypeFromItsElementCoder() {
    assertEquals(new TypeDescriptor<Set<Integer>>() {}, CODER.getEncodedTypeDescriptor());
  }
}
