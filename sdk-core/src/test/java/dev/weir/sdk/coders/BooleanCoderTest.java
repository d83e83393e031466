package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BooleanCoderTest {
  private static final Coder<Boolean> CODER = BooleanCoder.of();

  @Test
  void encodesTrueAsOneAndFalseAsZero() throws Exception {
    assertArrayEquals(new byte[] {1}, CoderProperties.encode(CODER, true));
    assertArrayEquals(new byte[] {0}, CoderProperties.encode(CODER, false));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, true, false);
  }

  @Test
  void rejectsAByteOtherThanZeroOrOne() {
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {2}));
    assertTrue(e.getMessage().contains("expects a byte 0 or 1, got 2"), e.getMessage());
  }

  @Test
  void failsOnEmptyInput() {
    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[0]));
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
