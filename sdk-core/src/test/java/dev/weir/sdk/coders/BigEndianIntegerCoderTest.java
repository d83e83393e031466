package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigEndianIntegerCoderTest {
  private static final Coder<Integer> CODER = BigEndianIntegerCoder.of();

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, 255, 256, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void roundTripsEdgeValues(int value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesInFourBytesMostSignificantFirst() throws Exception {
    assertArrayEquals(new byte[] {0, 0, 1, 2}, CoderProperties.encode(CODER, 258));
    assertArrayEquals(new byte[] {-1, -1, -1, -1}, CoderProperties.encode(CODER, -1));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Integer.MIN_VALUE, 7);
  }

  @Test
  void failsOnTruncatedInput() {
    CoderException e =
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {0, 1}));
    assertTrue(e.getMessage().contains("2 of 4"), e.getMessage());
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
