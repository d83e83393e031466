package dev.weir.sdk.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Min;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.TimestampMillisFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GenerateSequence} and the {@link CountingSource} behind it. */
class GenerateSequenceTest {

  @Test
  void aSequenceWithoutAnEndIsUnboundedAndBoundedAgainByReadTime() {
    Pipeline pipeline = Pipeline.create();
    assertThat(pipeline.apply("Endless", GenerateSequence.from(3)).isBounded(),
        equalTo(PCollection.IsBounded.UNBOUNDED));
    assertThat(pipeline.apply("Timed", GenerateSequence.from(3).withMaxReadTime(Duration.millis(10))).isBounded(),
        equalTo(PCollection.IsBounded.BOUNDED));
    assertThat(pipeline.apply("RatedRange", GenerateSequence.from(3).to(9).withRate(1, Duration.millis(1))).isBounded(),
        equalTo(PCollection.IsBounded.BOUNDED));
  }

  @Test
  void aRateOrReadTimeOutOfRangeFailsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GenerateSequence.from(0).withRate(0, Duration.millis(1)));
    assertThat(e.getMessage(), containsString("withRate: the number of elements must be positive, but was 0"));
    e = assertThrows(IllegalArgumentException.class, () -> GenerateSequence.from(0).withRate(1, Duration.ZERO));
    assertThat(e.getMessage(), containsString("withRate: the period must be positive"));
    e = assertThrows(IllegalArgumentException.class, () -> GenerateSequence.from(0).withMaxReadTime(Duration.millis(-1)));
    assertThat(e.getMessage(), containsString("withMaxReadTime: the read time must not be negative"));
  }

  @Test
  void aNegativeStartOrADegenerateRangeFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenerateSequence.from(-1));
    assertThat(e.getMessage(), containsString("non-negative, but was -1"));
    e = assertThrows(IllegalArgumentException.class, () -> GenerateSequence.from(5).to(4));
    assertThat(e.getMessage(), containsString("degenerate range [5, 4)"));
  }

  @Test
  void theSourceSplitsIntoContiguousPartsThatReadTheWholeRange() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    BoundedSource<Long> source = CountingSource.createSourceForSubrange(10, 1010);
    List<? extends BoundedSource<Long>> parts = source.split(80, options);
    assertThat(parts.size(), greaterThan(50));
    List<Long> read = new ArrayList<>();
    for (BoundedSource<Long> part : parts) {
      read.addAll(readAll(part, options));
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 10; i < 1010; i++) {
      expected.add(i);
    }
    assertThat(read, equalTo(expected));
  }

  @Test
  void theSizeEstimateOfAHugeRangeSaturates() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.create();
    assertThat(CountingSource.createSourceForSubrange(0, Long.MAX_VALUE).getEstimatedSizeBytes(options),
        equalTo(Long.MAX_VALUE));
    assertThat(CountingSource.createSourceForSubrange(0, 10).getEstimatedSizeBytes(options), equalTo(80L));
  }

  @Test
  void upToCountsFromZero() throws Exception {
    assertThat(readAll(CountingSource.upTo(3), PipelineOptionsFactory.create()), equalTo(List.of(0L, 1L, 2L)));
  }

  private static List<Long> readAll(BoundedSource<Long> source, PipelineOptions options) throws Exception {
    List<Long> read = new ArrayList<>();
    try (BoundedSource.BoundedReader<Long> reader = source.createReader(options)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        read.add(reader.getCurrent());
      }
    }
    return read;
  }

  /** GenerateSequence on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void generatesFromInclusiveToExclusive() {
      PAssert.that(p.apply(GenerateSequence.from(3).to(7))).containsInAnyOrder(3L, 4L, 5L, 6L);
      p.run();
    }

    @Test
    void generatesALongSequenceExactlyOnce() {
      PCollection<Long> numbers = p.apply(GenerateSequence.from(0).to(10_000));
      PAssert.that(numbers.apply(Count.globally())).containsInAnyOrder(10_000L);
      PAssert.that(numbers.apply(Sum.longsGlobally())).containsInAnyOrder(49_995_000L);
      p.run();
    }

    @Test
    void anEmptyRangeGeneratesNothing() {
      PAssert.that(p.apply(GenerateSequence.from(4).to(4))).empty();
      p.run();
    }

    @Test
    void timestampsComeFromTheTimestampFn() {
      PCollection<KV<Long, Long>> timestamps = p
          .apply(GenerateSequence.from(1).to(3).withTimestampFn((Long n) -> new Instant(n * 100)))
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of(1L, 100L), KV.of(2L, 200L));
      p.run();
    }

    @Test
    void aRangeReadAtARateGeneratesExactlyTheRange() {
      PAssert.that(p.apply(GenerateSequence.from(3).to(8).withRate(1000, Duration.standardSeconds(1))))
          .containsInAnyOrder(3L, 4L, 5L, 6L, 7L);
      p.run();
    }

    @Test
    void anEndlessSequenceReadForAWhileGeneratesDistinctNumbersFromTheStart() {
      PCollection<Long> numbers = p.apply(GenerateSequence.from(0).withMaxReadTime(Duration.millis(50)));
      PAssert.that(numbers.apply(Count.perElement()).apply(ParDo.of(new KeepRepeatedFn()))).empty();
      PAssert.that(numbers.apply(Min.longsGlobally())).containsInAnyOrder(0L);
      p.run();
    }
  }

  /** Keeps the numbers counted more than once. */
  static final class KeepRepeatedFn extends DoFn<KV<Long, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Long, Long> counted, OutputReceiver<Long> out) {
      if (counted.getValue() > 1) {
        out.output(counted.getKey());
      }
    }
  }
}
