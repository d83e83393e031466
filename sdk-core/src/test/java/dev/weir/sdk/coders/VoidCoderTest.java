package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VoidCoderTest {
  private static final Coder<Void> CODER = VoidCoder.of();

  @Test
  void encodesNullAsNoBytes() throws Exception {
    assertEquals(0, CoderProperties.encode(CODER, null).length);
  }

  @Test
  void decodesNullWithoutReading() throws Exception {
    assertNull(CoderProperties.decodeEncode(CODER, null));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, null, null);
  }

  @Test
  void isDeterministicWithOneStructuralValue() throws Exception {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertEquals(CODER.structuralValue(null), CODER.structuralValue(null));
  }
}
