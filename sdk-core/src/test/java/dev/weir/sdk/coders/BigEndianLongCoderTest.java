package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigEndianLongCoderTest {
  private static final Coder<Long> CODER = BigEndianLongCoder.of();

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE})
  void roundTripsEdgeValues(long value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesInEightBytesMostSignificantFirst() throws Exception {
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 2}, CoderProperties.encode(CODER, 258L));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Long.MAX_VALUE, -5L);
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
