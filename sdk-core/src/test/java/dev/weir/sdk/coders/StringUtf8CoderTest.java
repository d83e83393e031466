package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StringUtf8CoderTest {
  private static final Coder<String> CODER = StringUtf8Coder.of();

  static Stream<String> edgeValues() {
    return Stream.of("", "a", "\0", "héllo wörld ✓", "𝄞 日本語 😀", "x".repeat(100_000), "line\nbreak\ttab");
  }

  @ParameterizedTest
  @MethodSource("edgeValues")
  void roundTripsEdgeValues(String value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesAVarintByteCountThenUtf8Bytes() throws Exception {
    assertArrayEquals(new byte[] {2, (byte) 0xC3, (byte) 0xA9}, CoderProperties.encode(CODER, "é"));
  }

  @Test
  void usesATwoByteLengthPrefixFrom128Bytes() throws Exception {
    byte[] encoded = CoderProperties.encode(CODER, "a".repeat(128));
    assertEquals(130, encoded.length);
    assertEquals((byte) 0x80, encoded[0]);
    assertEquals(1, encoded[1]);
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, "", "second");
  }

  @Test
  void failsOnTruncatedInputNamingTheMissingBytes() {
    CoderException e =
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, new byte[] {5, 'a', 'b'}));
    assertTrue(e.getMessage().contains("2 of 5"), e.getMessage());
  }

  @Test
  void isDeterministicAndConsistentWithEquals() throws Exception {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
    CoderProperties.coderDeterministic(CODER, "key", new String("key"));
  }

  @Test
  void isASingletonThatStaysEqualAfterSerialization() throws Exception {
    assertSame(CODER, StringUtf8Coder.of());
    CoderProperties.coderSerializable(CODER, "x");
  }

  @Test
  void reportsStringAsItsEncodedType() {
    assertEquals(TypeDescriptor.of(String.class), CODER.getEncodedTypeDescriptor());
  }
}
