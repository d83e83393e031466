package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VarLongCoderTest {
  private static final Coder<Long> CODER = VarLongCoder.of();

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 127, 128, 1L << 35, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE})
  void roundTripsEdgeValues(long value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesSmallValuesInOneByte() throws Exception {
    assertArrayEquals(new byte[] {5}, CoderProperties.encode(CODER, 5L));
  }

  @Test
  void encodesNegativeValuesInTenBytesAndTheMaximumInNine() throws Exception {
    assertEquals(10, CoderProperties.encode(CODER, -1L).length);
    assertEquals(9, CoderProperties.encode(CODER, Long.MAX_VALUE).length);
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Long.MIN_VALUE, 3L);
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
