package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NullableCoderTest {
  private static final NullableCoder<String> CODER = NullableCoder.of(StringUtf8Coder.of());

  @Test
  void encodesNullAsASingleZeroByte() throws Exception {
    assertArrayEquals(new byte[] {0}, CoderProperties.encode(CODER, null));
    assertNull(CoderProperties.decodeEncode(CODER, null));
  }

  @Test
  void encodesAPresentValueAsOneThenTheInnerEncoding() throws Exception {
    assertArrayEquals(new byte[] {1, 1, 'x'}, CoderProperties.encode(CODER, "x"));
  }

  @Test
  void decodesNullAndPresentValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, null, "");
    CoderProperties.coderDecodesBackToBack(CODER, "a", null);
  }

  @Test
  void rejectsAnUnknownMarkerByte() {
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {7}));
    assertTrue(e.getMessage().contains("got 7"), e.getMessage());
  }

  @Test
  void doesNotWrapANullableCoderTwice() {
    assertSame(CODER, NullableCoder.of(CODER));
  }

  @Test
  void followsTheDeterminismOfItsValueCoder() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    Coder.NonDeterministicException e =
        assertThrows(Coder.NonDeterministicException.class, NullableCoder.of(DoubleCoder.of())::verifyDeterministic);
    assertTrue(e.getMessage().contains("the value coder must be deterministic"), e.getMessage());
  }

  @Test
  void followsTheConsistencyWithEqualsOfItsValueCoder() {
    assertTrue(CODER.consistentWithEquals());
    assertFalse(NullableCoder.of(ByteArrayCoder.of()).consistentWithEquals());
  }

  @Test
  void givesNullAStructuralValueDistinctFromEveryPresentValue() throws Exception {
    assertEquals(CODER.structuralValue(null), CODER.structuralValue(null));
    assertNotEquals(CODER.structuralValue(null), CODER.structuralValue(""));
    NullableCoder<byte[]> bytes = NullableCoder.of(ByteArrayCoder.of());
    assertEquals(bytes.structuralValue(new byte[] {1}), bytes.structuralValue(new byte[] {1}));
    CoderProperties.structuralValueMatchesEncoding(bytes, null, new byte[0]);
  }

  @Test
  void reportsTheEncodedTypeOfItsValueCoder() {
    assertEquals(StringUtf8Coder.of().getEncodedTypeDescriptor(), CODER.getEncodedTypeDescriptor());
  }
}
