package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class ByteCoderTest {
  private static final Coder<Byte> CODER = ByteCoder.of();

  @Test
  void roundTripsEveryByte() throws Exception {
    for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b++) {
      CoderProperties.coderDecodeEncodeEqual(CODER, (byte) b);
    }
  }

  @Test
  void encodesTheByteItself() throws Exception {
    assertArrayEquals(new byte[] {-7}, CoderProperties.encode(CODER, (byte) -7));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, (byte) -1, (byte) 0);
  }

  @Test
  void isDeterministic() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
  }
}
