package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VarIntCoderTest {
  private static final Coder<Integer> CODER = VarIntCoder.of();

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, 127, 128, 16_383, 16_384, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void roundTripsEdgeValues(int value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesSmallValuesInOneByte() throws Exception {
    assertArrayEquals(new byte[] {0}, CoderProperties.encode(CODER, 0));
    assertArrayEquals(new byte[] {0x7F}, CoderProperties.encode(CODER, 127));
  }

  @Test
  void encodesSevenBitsPerByteLeastSignificantFirst() throws Exception {
    assertArrayEquals(new byte[] {(byte) 0x80, 0x01}, CoderProperties.encode(CODER, 128));
    assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, CoderProperties.encode(CODER, 300));
  }

  @Test
  void encodesNegativeValuesInFiveBytes() throws Exception {
    assertEquals(5, CoderProperties.encode(CODER, -1).length);
    assertEquals(5, CoderProperties.encode(CODER, Integer.MIN_VALUE).length);
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, -1, 300);
  }

  @Test
  void rejectsAVarintThatDoesNotFitIn32Bits() throws Exception {
    byte[] tooBig = CoderProperties.encode(VarLongCoder.of(), 1L << 32);
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, tooBig));
    assertTrue(e.getMessage().contains("does not fit in 32 bits"), e.getMessage());
  }

  @Test
  void rejectsAVarintLongerThanTenBytes() {
    byte[] endless = new byte[11];
    Arrays.fill(endless, (byte) 0x80);
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, endless));
    assertTrue(e.getMessage().contains("longer than 10 bytes"), e.getMessage());
  }

  @Test
  void failsOnAStreamThatEndsInsideAVarint() {
    CoderException e =
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {(byte) 0x80}));
    assertTrue(e.getMessage().contains("ended inside a varint"), e.getMessage());
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
