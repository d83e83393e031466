package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.primitives.UnsignedBytes;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstantCoderTest {
  private static final Coder<Instant> CODER = InstantCoder.of();

  static Stream<Instant> edgeValues() {
    return Stream.of(
        new Instant(0),
        new Instant(-1),
        new Instant(1_700_000_000_123L),
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        BoundedWindow.TIMESTAMP_MAX_VALUE,
        new Instant(Long.MIN_VALUE),
        new Instant(Long.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("edgeValues")
  void roundTripsEdgeValues(Instant value) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, value);
  }

  @Test
  void encodesInEightBytes() throws Exception {
    assertEquals(8, CoderProperties.encode(CODER, new Instant(5)).length);
  }

  @Test
  void encodingsSortInTimeOrderAsUnsignedBytes() throws Exception {
    List<Instant> inOrder = List.of(new Instant(Long.MIN_VALUE), new Instant(-1000), new Instant(-1), new Instant(0),
        new Instant(1), new Instant(Long.MAX_VALUE));
    Comparator<byte[]> unsigned = UnsignedBytes.lexicographicalComparator();
    for (int i = 1; i < inOrder.size(); i++) {
      byte[] earlier = CoderProperties.encode(CODER, inOrder.get(i - 1));
      byte[] later = CoderProperties.encode(CODER, inOrder.get(i));
      assertTrue(unsigned.compare(earlier, later) < 0, inOrder.get(i - 1) + " should sort before " + inOrder.get(i));
    }
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, BoundedWindow.TIMESTAMP_MIN_VALUE, new Instant(42));
  }

  @Test
  void isDeterministicAndConsistentWithEquals() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
    assertTrue(CODER.consistentWithEquals());
  }
}
