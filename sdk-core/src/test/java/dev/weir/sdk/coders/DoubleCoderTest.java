package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoubleCoderTest {
  private static final Coder<Double> CODER = DoubleCoder.of();

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 1.5, -1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void roundTripsEdgeValues(double value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesTheIeeeBitsMostSignificantFirst() throws Exception {
    assertArrayEquals(new byte[] {0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0}, CoderProperties.encode(CODER, 1.0));
  }

  @Test
  void givesAllNaNsOneEncoding() throws Exception {
    double otherNaN = Double.longBitsToDouble(0x7ff8000000000001L);
    assertArrayEquals(CoderProperties.encode(CODER, Double.NaN), CoderProperties.encode(CODER, otherNaN));
  }

  @Test
  void distinguishesPositiveAndNegativeZeroLikeEquals() throws Exception {
    assertNotEquals(CODER.structuralValue(0.0), CODER.structuralValue(-0.0));
    CoderProperties.structuralValueMatchesEncoding(CODER, 0.0, -0.0);
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Double.NaN, -2.25);
  }

  @Test
  void isNotDeterministicAsInBeamSayingWhy() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("floating-point"), e.getMessage());
  }

  @Test
  void isConsistentWithEquals() {
    assertTrue(CODER.consistentWithEquals());
  }
}
