package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Reshuffle}. */
class ReshuffleTest {

  @Test
  void aNonPositiveNumberOfBucketsFailsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reshuffle.<String>viaRandomKey().withNumBuckets(0));
    assertThat(e.getMessage(), containsString("withNumBuckets(0): the number of buckets must be positive"));
  }

  /** Reshuffle on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void keepsEveryPairIncludingDuplicates() {
      List<KV<String, Integer>> pairs = List.of(KV.of("a", 1), KV.of("a", 1), KV.of("b", 2), KV.of("a", 3));
      PAssert.that(p.apply(Create.of(pairs)).apply(Reshuffle.of())).containsInAnyOrder(pairs);
      p.run();
    }

    @Test
    void viaRandomKeyKeepsEveryElement() {
      PAssert.that(p.apply(Create.of(1, 2, 2, 3)).apply(Reshuffle.viaRandomKey())).containsInAnyOrder(1, 2, 2, 3);
      p.run();
    }

    @Test
    void viaRandomKeyWithFewBucketsKeepsEveryElement() {
      PAssert.that(p.apply(Create.of(1, 2, 3, 4, 5)).apply(Reshuffle.<Integer>viaRandomKey().withNumBuckets(2)))
          .containsInAnyOrder(1, 2, 3, 4, 5);
      p.run();
    }

    @Test
    void restoresTimestamps() {
      PCollection<KV<String, Long>> timestamps = p
          .apply(Create.timestamped(TimestampedValue.of("a", new Instant(7)), TimestampedValue.of("b", new Instant(99))))
          .apply(Reshuffle.viaRandomKey())
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 7L), KV.of("b", 99L));
      p.run();
    }

    @Test
    void keepsElementsInTheirWindows() {
      PCollection<Integer> sums = p
          .apply(Create.timestamped(List.of(1, 2, 10, 20), List.of(0L, 5L, 10_000L, 15_000L)))
          .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))))
          .apply(Reshuffle.viaRandomKey())
          .apply(Sum.integersGlobally().withoutDefaults());
      PAssert.that(sums).containsInAnyOrder(3, 30);
      p.run();
    }
  }
}
