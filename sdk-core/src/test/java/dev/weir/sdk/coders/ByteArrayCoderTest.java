package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteArrayCoderTest {
  private static final Coder<byte[]> CODER = ByteArrayCoder.of();

  @Test
  void roundTripsAnEmptyArray() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, new byte[0]);
  }

  @Test
  void roundTripsAMegabyteOfRandomBytes() throws Exception {
    byte[] large = new byte[1 << 20];
    new Random(42).nextBytes(large);
    assertArrayEquals(large, CoderUtils.clone(CODER, large));
  }

  @Test
  void encodesAVarintLengthThenTheBytes() throws Exception {
    assertArrayEquals(new byte[] {3, 9, 8, 7}, CoderProperties.encode(CODER, new byte[] {9, 8, 7}));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, new byte[0], new byte[] {1, 2});
  }

  @Test
  void givesEqualContentEqualStructuralValues() throws Exception {
    byte[] a = {1, 2, 3};
    byte[] b = {1, 2, 3};
    assertEquals(CODER.structuralValue(a), CODER.structuralValue(b));
    assertEquals(CODER.structuralValue(a).hashCode(), CODER.structuralValue(b).hashCode());
    assertNotEquals(CODER.structuralValue(a), CODER.structuralValue(new byte[] {1, 2}));
    CoderProperties.structuralValueMatchesEncoding(CODER, a, b);
  }

  @Test
  void isDeterministicButNotConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertFalse(CODER.consistentWithEquals());
  }

  @Test
  void rejectsANegativeLengthAsCorruptInput() {
    byte[] minusOne = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, minusOne));
    assertTrue(e.getMessage().contains("negative byte array length"), e.getMessage());
  }

  @Test
  void failsOnAHugeLengthWithoutAllocatingIt() throws Exception {
    byte[] claimsTwoGigabytes = CoderProperties.encode(VarIntCoder.of(), Integer.MAX_VALUE);
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, claimsTwoGigabytes));
    assertTrue(e.getMessage().contains("0 of " + Integer.MAX_VALUE), e.getMessage());
  }
}
