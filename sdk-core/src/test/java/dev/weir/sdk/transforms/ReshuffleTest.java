package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.NonMergingWindowFn;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.Collection;
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

  @Test
  void mergingWindowsAreRefusedNamingTheFix() {
    PCollection<KV<String, Integer>> merging = Pipeline.create()
        .apply(Create.of(KV.of("a", 1)))
        .apply(Window.into(new ClaimsToMerge()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> merging.apply(Reshuffle.of()));
    assertThat(e.getMessage(), allOf(containsString(merging.getName()), containsString("non-merging windows"),
        containsString("ClaimsToMerge"), containsString("reshuffle before")));
  }

  /** The 10 ms window holding a timestamp, aligned to 0. */
  static IntervalWindow windowAt(long millis) {
    long start = Math.floorDiv(millis, 10) * 10;
    return new IntervalWindow(new Instant(start), new Instant(start + 10));
  }

  /** Puts each element in two 10 ms windows: the one holding its timestamp and the next. */
  static final class TwoWindows extends NonMergingWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      IntervalWindow first = windowAt(c.timestamp().getMillis());
      return List.of(first, windowAt(first.end().getMillis()));
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof TwoWindows;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("TwoWindows cannot window a side input");
    }
  }

  /** Claims to merge windows (it never does), as sessions would. */
  static final class ClaimsToMerge extends WindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<IntervalWindow> assignWindows(AssignContext c) {
      return List.of(windowAt(c.timestamp().getMillis()));
    }

    @Override
    public void mergeWindows(MergeContext c) {}

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return other instanceof ClaimsToMerge;
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
      throw new UnsupportedOperationException("ClaimsToMerge cannot window a side input");
    }

    @Override
    public String toString() {
      return "ClaimsToMerge";
    }
  }

  /** Reshuffle on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
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

    @Test
    void keepsAnElementInEveryOneOfItsWindows() {
      PCollection<Integer> sums = p
          .apply(Create.timestamped(List.of(1, 2), List.of(0L, 15L)))
          .apply(Window.into(new TwoWindows()))
          .apply(Reshuffle.viaRandomKey())
          .apply(Sum.integersGlobally().withoutDefaults());
      // 1 is in [0, 10) and [10, 20); 2 in [10, 20) and [20, 30).
      PAssert.that(sums).containsInAnyOrder(1, 3, 2);
      p.run();
    }
  }
}
