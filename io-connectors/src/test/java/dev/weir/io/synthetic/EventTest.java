package dev.weir.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Events are exactly the spec's, field by field; the expected literals were computed in Python. */
class EventTest {
  private static void assertEvent(Event e, String device, int signal, String user, int delay, long ts) {
    assertEquals(device, e.device(), "device of " + e.index());
    assertEquals(signal, e.signal(), "signal of " + e.index());
    assertEquals(user, e.user(), "user of " + e.index());
    assertEquals(delay, e.delay(), "delay of " + e.index());
    assertEquals(ts, e.ts(), "ts of " + e.index());
  }

  @Test
  void firstEventsMatchTheSpec() {
    assertEvent(Event.of(0), "d431", 19, "u63035", 114, 0);
    assertEvent(Event.of(1), "d193", 23, "u4612", 985, 0);
    assertEvent(Event.of(2), "d718", 21, "u14638", 956, 0);
  }

  @Test
  void laterEventsMatchTheSpec() {
    assertEvent(Event.of(9_999_999), "d917", 3, "u10795", 1385, 998_614);
    assertEvent(Event.of(123_456_789), "d633", 29, "u31702", 434, 12_345_244);
  }

  @Test
  void mixIsSplitMix64() {
    // The first output of SplitMix64 seeded with 0, as published with the algorithm.
    assertEquals(0xE220A8397B1DCDAFL, Event.mix(0));
  }

  @Test
  void eventTimeIsNeverNegativeAndAtMost2047MillisBehindATenthOfTheIndex() {
    for (long i = 0; i < 200_000; i++) {
      Event e = Event.of(i);
      assertTrue(e.ts() >= 0, "ts of " + i);
      assertTrue(e.ts() <= i / 10 && i / 10 - e.ts() <= 2047, "ts " + e.ts() + " of " + i);
    }
  }

  @Test
  void agreesWithThePlainReferenceForManyIndexes() {
    for (long i = 0; i < 50_000; i += 7) {
      Event e = Event.of(i);
      assertEquals(SpecReference.device(i), e.device());
      assertEquals(SpecReference.signal(i), e.signal());
      assertEquals(SpecReference.ts(i), e.ts());
    }
  }

  @Test
  void aStringFieldIsBuiltOnceAndReadAsTheSameString() {
    Event e = Event.of(42);

    assertSame(e.device(), e.device());
    assertSame(e.user(), e.user());
  }

  @Test
  void rejectsANegativeIndexNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Event.of(-3));
    assertEquals("An event index must not be negative, got -3", e.getMessage());
  }

  @Test
  void coderRoundTripsEveryFieldAndIsDeterministic() throws Exception {
    Event e = Event.of(123_456_789);
    byte[] bytes = CoderUtils.encodeToByteArray(EventCoder.of(), e);
    Event decoded = CoderUtils.decodeFromByteArray(EventCoder.of(), bytes);
    assertEquals(e.toString(), decoded.toString());
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(EventCoder.of(), Event.of(123_456_789)));
    EventCoder.of().verifyDeterministic();
  }

  @Test
  void javaSerializationDerivesTheEventAgain() throws Exception {
    Event e = Event.of(42);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(e.toString(), in.readObject().toString());
    }
  }
}
