package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WithTimestamps}. */
class WithTimestampsTest {

  @Test
  void aNegativeSkewFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WithTimestamps.of((String s) -> new Instant(0)).withAllowedTimestampSkew(Duration.millis(-1)));
    assertThat(e.getMessage(), containsString("skew must be zero or positive, was PT-0.001S"));
  }

  /** WithTimestamps on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void setsEachElementsTimestampFromTheFunction() {
      PCollection<KV<Long, Long>> timestamps = p.apply(Create.of(5L, 500L))
          .apply(WithTimestamps.of((Long n) -> new Instant(n * 2)))
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of(5L, 10L), KV.of(500L, 1000L));
      p.run();
    }

    @Test
    void movingATimestampBackBeyondTheSkewFails() {
      p.apply(Create.timestamped(TimestampedValue.of("a", new Instant(1000))))
          .apply(WithTimestamps.of((String s) -> new Instant(400)));
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      assertThat(Throwables.getRootCause(e).getMessage(), containsString("allowed skew"));
    }

    @Test
    void movingATimestampBackWithinTheSkewIsAllowed() {
      PCollection<KV<String, Long>> timestamps = p.apply(Create.timestamped(TimestampedValue.of("a", new Instant(1000))))
          .apply(WithTimestamps.of((String s) -> new Instant(400)).withAllowedTimestampSkew(Duration.millis(600)))
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 400L));
      p.run();
    }

    @Test
    void aNullTimestampFailsNamingTheElement() {
      p.apply(Create.of("x")).apply(WithTimestamps.of((String s) -> null));
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      assertThat(Throwables.getRootCause(e).getMessage(),
          allOf(containsString("returned null for element x"), containsString("return an Instant")));
    }
  }
}
