package dev.weir.runtime.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class TimerDataCoderTest {
  private final TimerDataCoder<String> coder = TimerDataCoder.of(StringUtf8Coder.of(), IntervalWindow.getCoder());

  @Test
  void roundTripsEveryField() throws Exception {
    for (TimeDomain domain : TimeDomain.values()) {
      TimerData<String> timer = new TimerData<>("key", new IntervalWindow(new Instant(0), new Instant(10)), "flush",
          domain, new Instant(7), new Instant(-3), 42);
      assertEquals(timer, CoderUtils.clone(coder, timer));
    }
  }

  @Test
  void rejectsAnUnknownDomainNumber() throws Exception {
    TimerData<String> timer = new TimerData<>("k", new IntervalWindow(new Instant(0), new Instant(10)), "t",
        TimeDomain.EVENT_TIME, new Instant(1), new Instant(1), 0);
    byte[] bytes = CoderUtils.encodeToByteArray(coder, timer);
    int domainAt = bytes.length - 8 - 8 - 1 - 1;
    bytes[domainAt] = 9;
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(coder, bytes));
    assertEquals("Unknown time domain number 9 in an encoded timer", e.getMessage());
  }
}
