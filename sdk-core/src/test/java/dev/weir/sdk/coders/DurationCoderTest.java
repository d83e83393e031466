package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationCoderTest {
  private static final Coder<Duration> CODER = DurationCoder.of();

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 86_400_000L, Long.MIN_VALUE, Long.MAX_VALUE})
  void roundTripsEdgeValues(long millis) throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CODER, Duration.millis(millis));
  }

  @Test
  void encodesTheMillisecondsAsAVarint() throws Exception {
    assertArrayEquals(new byte[] {(byte) 0xE8, 0x07}, CoderProperties.encode(CODER, Duration.standardSeconds(1)));
  }

  @Test
  void decodesValuesWrittenBackToBack() throws Exception {
    CoderProperties.coderDecodesBackToBack(CODER, Duration.millis(-3), Duration.standardHours(2));
  }

  @Test
  void isDeterministic() {
    assertDoesNotThrow(() -> CODER.verifyDeterministic());
  }
}
