package dev.weir.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampedValueTest {
  private static final TimestampedValue.TimestampedValueCoder<String> CODER =
      TimestampedValue.TimestampedValueCoder.of(StringUtf8Coder.of());

  @Test
  void holdsItsValueAndTimestamp() {
    TimestampedValue<String> value = TimestampedValue.of("a", new Instant(5));
    assertEquals("a", value.getValue());
    assertEquals(new Instant(5), value.getTimestamp());
  }

  @Test
  void atMinimumTimestampUsesTheEarliestTimestamp() {
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, TimestampedValue.atMinimumTimestamp("a").getTimestamp());
  }

  @Test
  void allowsANullValueButNotANullTimestamp() {
    assertNull(TimestampedValue.of(null, new Instant(0)).getValue());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimestampedValue.of("v", null));
    assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
  }

  @Test
  void equalsComparesValueAndTimestamp() {
    assertEquals(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("a", new Instant(1)));
    assertEquals(TimestampedValue.of("a", new Instant(1)).hashCode(), TimestampedValue.of("a", new Instant(1)).hashCode());
    assertNotEquals(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("a", new Instant(2)));
    assertNotEquals(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(1)));
  }

  @Test
  void describesValueAndTimestamp() {
    assertEquals("TimestampedValue(a, 1970-01-01T00:00:00.005Z)", TimestampedValue.of("a", new Instant(5)).toString());
  }

  @Test
  void coderRoundTripsAValueAtTheMinimumTimestamp() throws Exception {
    TimestampedValue<String> value = TimestampedValue.atMinimumTimestamp("ü");
    assertEquals(value, CoderUtils.clone(CODER, value));
  }

  @Test
  void coderDecodesValuesWrittenBackToBack() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CODER.encode(TimestampedValue.of("a", new Instant(-1)), out);
    CODER.encode(TimestampedValue.of("", new Instant(Long.MAX_VALUE)), out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    assertEquals(TimestampedValue.of("a", new Instant(-1)), CODER.decode(in));
    assertEquals(TimestampedValue.of("", new Instant(Long.MAX_VALUE)), CODER.decode(in));
    assertEquals(-1, in.read());
  }

  @Test
  void coderEncodesANullValueWithANullableValueCoder() throws Exception {
    Coder<TimestampedValue<String>> coder = TimestampedValue.TimestampedValueCoder.of(NullableCoder.of(StringUtf8Coder.of()));
    TimestampedValue<String> value = TimestampedValue.of(null, new Instant(3));
    assertEquals(value, CoderUtils.clone(coder, value));
  }

  @Test
  void coderIsDeterministicOnlyWithADeterministicValueCoder() throws Exception {
    CODER.verifyDeterministic();
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class,
        TimestampedValue.TimestampedValueCoder.of(DoubleCoder.of())::verifyDeterministic);
    assertTrue(e.getMessage().contains("the value coder must be deterministic"), e.getMessage());
  }

  @Test
  void coderComparesByteArrayValuesByContentInStructuralValues() {
    TimestampedValue.TimestampedValueCoder<byte[]> coder = TimestampedValue.TimestampedValueCoder.of(ByteArrayCoder.of());
    assertEquals(coder.structuralValue(TimestampedValue.of(new byte[] {1}, new Instant(1))),
        coder.structuralValue(TimestampedValue.of(new byte[] {1}, new Instant(1))));
    assertNotEquals(coder.structuralValue(TimestampedValue.of(new byte[] {1}, new Instant(1))),
        coder.structuralValue(TimestampedValue.of(new byte[] {1}, new Instant(2))));
  }

  @Test
  void coderReportsTheEncodedTypeFromItsValueCoder() {
    assertEquals(new TypeDescriptor<TimestampedValue<String>>() {}, CODER.getEncodedTypeDescriptor());
  }
}
