package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatCoderTest {
  private static final Coder<Float> CODER = FloatCoder.of();

  @ParameterizedTest
  @ValueSource(floats = {0f, -0f, 1.5f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY})
  void roundTripsEdgeValues(float value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesTheIeeeBitsInFourBytes() throws Exception {
    assertArrayEquals(new byte[] {0x3F, (byte) 0x80, 0, 0}, CoderProperties.encode(CODER, 1.0f));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Float.NaN, 3f);
  }

  @Test
  void isNotDeterministicAsInBeamSayingWhy() {
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class, CODER::verifyDeterministic);
    assertTrue(e.getMessage().contains("floating-point"), e.getMessage());
  }
}
