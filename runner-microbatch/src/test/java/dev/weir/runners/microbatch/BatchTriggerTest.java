package dev.weir.runners.microbatch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Parsing {@code --trigger}. */
class BatchTriggerTest {

  @Test
  void readsAProcessingTimeIntervalWithItsUnit() {
    assertThat(BatchTrigger.parse("processingTime:2s"),
        is(new BatchTrigger(BatchTrigger.Kind.PROCESSING_TIME, Duration.standardSeconds(2))));
    assertThat(BatchTrigger.parse("processingTime:500ms").interval(), is(Duration.millis(500)));
    assertThat(BatchTrigger.parse("processingTime:0").interval(), is(Duration.ZERO));
  }

  @Test
  void readsAvailableNowAndOnceInAnyCase() {
    assertThat(BatchTrigger.parse("availablenow").kind(), is(BatchTrigger.Kind.AVAILABLE_NOW));
    assertThat(BatchTrigger.parse("Once").kind(), is(BatchTrigger.Kind.ONCE));
  }

  @Test
  void rejectsAnIntervalThatIsNotADuration() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BatchTrigger.parse("processingTime:soon"));

    assertThat(e.getMessage(), containsString("'soon' is not a duration"));
  }
}
