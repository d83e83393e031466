package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BigIntegerCoderTest {
  private static final Coder<BigInteger> CODER = BigIntegerCoder.of();

  static Stream<BigInteger> edgeValues() {
    return Stream.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE),
        BigInteger.TWO.pow(1000), BigInteger.TWO.pow(1000).negate().subtract(BigInteger.ONE));
  }

  @ParameterizedTest
  @MethodSource("edgeValues")
  void roundTripsEdgeValues(BigInteger value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesAByteCountThenMinimalTwosComplement() throws Exception {
    assertArrayEquals(new byte[] {2, 0, (byte) 0x80}, CoderProperties.encode(CODER, BigInteger.valueOf(128)));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, BigInteger.TWO.pow(100), BigInteger.ZERO);
  }

  @Test
  void rejectsAnEncodingWithNoBytesAsCorrupt() {
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {0}));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void isDeterministicAndConsistentWithEquals() throws Exception {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
    CoderProperties.coderDeterministic(CODER, new BigInteger("123456789012345678901234567890"),
        new BigInteger("123456789012345678901234567890"));
  }
}
