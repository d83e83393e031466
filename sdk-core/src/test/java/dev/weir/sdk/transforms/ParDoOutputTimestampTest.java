package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timestamps a DoFn gives its outputs with {@code outputWithTimestamp}: no earlier than the input's
 * timestamp minus {@link DoFn#getAllowedTimestampSkew()}, as Beam's {@code SimpleDoFnRunner} checks.
 */
@ValidatesRunner
class ParDoOutputTimestampTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Outputs each element shifted in time by a fixed amount, allowing a fixed skew. */
  private static final class ShiftFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final long shiftMillis;
    private final long skewMillis;

    ShiftFn(long shiftMillis, long skewMillis) {
      this.shiftMillis = shiftMillis;
      this.skewMillis = skewMillis;
    }

    @ProcessElement
    public void process(@Element String element, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.outputWithTimestamp(element, timestamp.plus(Duration.millis(shiftMillis)));
    }

    @Override
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(skewMillis);
    }
  }

  /** A composite, so that the failing step has a nested full name. */
  private static final class Shifted extends PTransform<PCollection<String>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final ShiftFn fn;

    Shifted(ShiftFn fn) {
      this.fn = fn;
    }

    @Override
    public PCollection<String> expand(PCollection<String> input) {
      return input.apply("Shift", ParDo.of(fn));
    }
  }

  private PCollection<String> atOneSecond() {
    return p.apply(Create.timestamped(TimestampedValue.of("a", new Instant(1000))));
  }

  @Test
  void anOutputEarlierThanTheInputMinusTheSkewFailsNamingTheTransformAndBothTimestamps() {
    atOneSecond().apply("Outer", new Shifted(new ShiftFn(-600, 500)));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
    assertThat(e.getMessage(), allOf(
        containsString("Outer/Shift"),
        containsString(new Instant(400).toString()),
        containsString(new Instant(1000).toString()),
        containsString("getAllowedTimestampSkew")));
  }

  @Test
  void anOutputExactlyAtTheInputMinusTheSkewIsAllowed() {
    PCollection<KV<String, Long>> timestamps = atOneSecond()
        .apply("Outer", new Shifted(new ShiftFn(-500, 500)))
        .apply(ParDo.of(new TimestampMillisFn<>()));

    PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 500L));
    p.run();
  }

  @Test
  void anOutputLaterThanTheInputIsAllowedWithNoSkew() {
    PCollection<KV<String, Long>> timestamps = atOneSecond()
        .apply("Outer", new Shifted(new ShiftFn(7000, 0)))
        .apply(ParDo.of(new TimestampMillisFn<>()));

    PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 8000L));
    p.run();
  }
}
