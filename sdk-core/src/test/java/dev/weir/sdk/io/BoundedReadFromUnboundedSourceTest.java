package dev.weir.sdk.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.TimestampMillisFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Read.Unbounded} made bounded, and the source that reads it. */
class BoundedReadFromUnboundedSourceTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  private static ListUnboundedSource<String> abcde() {
    return ListUnboundedSource.of(StringUtf8Coder.of(),
        TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)),
        TimestampedValue.of("c", new Instant(3)), TimestampedValue.of("d", new Instant(4)),
        TimestampedValue.of("e", new Instant(5)));
  }

  @Test
  void anUnboundedReadIsUnboundedAndLimitingItMakesItBounded() {
    Pipeline pipeline = Pipeline.create();
    PCollection<String> endless = pipeline.apply("Endless", Read.from(abcde()));
    PCollection<String> counted = pipeline.apply("Counted", Read.from(abcde()).withMaxNumRecords(2));
    PCollection<String> timed = pipeline.apply("Timed", Read.from(abcde()).withMaxReadTime(Duration.millis(5)));

    assertThat(endless.isBounded(), equalTo(PCollection.IsBounded.UNBOUNDED));
    assertThat(counted.isBounded(), equalTo(PCollection.IsBounded.BOUNDED));
    assertThat(timed.isBounded(), equalTo(PCollection.IsBounded.BOUNDED));
  }

  @Test
  void readsAtMostTheMaximumNumberOfRecordsWithTheirTimestamps() throws Exception {
    List<TimestampedValue<String>> read = readAll(UnboundedReadAsBoundedSource.of(abcde(), 3, null));

    assertThat(read, contains(TimestampedValue.of("a", new Instant(1)), TimestampedValue.of("b", new Instant(2)),
        TimestampedValue.of("c", new Instant(3))));
  }

  @Test
  void endsWhenTheSourceIsDoneEvenBelowTheMaximum() throws Exception {
    assertThat(readAll(UnboundedReadAsBoundedSource.of(abcde(), 100, null)).size(), equalTo(5));
  }

  @Test
  void waitsOutRecordsThatAreNotAvailableYet() throws Exception {
    assertThat(readAll(UnboundedReadAsBoundedSource.of(abcde().withPauses(2), 100, null)).size(), equalTo(5));
  }

  @Test
  void dropsRedeliveredRecordsWhenTheSourceRequiresDeduping() throws Exception {
    List<String> values = readAll(UnboundedReadAsBoundedSource.of(abcde().withRedelivery(), 100, null))
        .stream().map(TimestampedValue::getValue).toList();

    assertThat(values, contains("a", "b", "c", "d", "e"));
  }

  @Test
  void finalizesTheCheckpointOfEachPartWhenItEnds() throws Exception {
    ListUnboundedSource<String> source = abcde();
    readAll(UnboundedReadAsBoundedSource.of(source, 2, null));

    assertThat(source.finalizedMarks(), contains(2));
  }

  @Test
  void aZeroReadTimeReadsNothing() throws Exception {
    assertThat(readAll(UnboundedReadAsBoundedSource.of(abcde(), Long.MAX_VALUE, Duration.ZERO)), empty());
  }

  @Test
  void withoutAReadTimeOneReaderReadsItsPartsOneAfterTheOther() throws Exception {
    // The streaming runners resume a bounded source by skipping the records read before a crash,
    // so every reader must give the same records in the same order.
    UnboundedReadAsBoundedSource<Long> source = UnboundedReadAsBoundedSource.of(
        UnboundedCountingSource.from(10), 25_000, null);
    List<Long> partAfterPart = new ArrayList<>();
    for (BoundedSource<Long> part : source.split(1, options)) {
      readAll(part).forEach(v -> partAfterPart.add(v.getValue()));
    }
    List<Long> whole = new ArrayList<>();
    readAll(source).forEach(v -> whole.add(v.getValue()));

    assertThat(whole, equalTo(partAfterPart));
  }

  @Test
  void sharesTheRecordsAmongPartsSoThatACountingSourceGivesAnExactRange() throws Exception {
    UnboundedReadAsBoundedSource<Long> source = UnboundedReadAsBoundedSource.of(
        UnboundedCountingSource.from(10), 25_000, null);
    List<? extends BoundedSource<Long>> parts = source.split(1, options);
    List<Long> values = new ArrayList<>();
    for (BoundedSource<Long> part : parts) {
      readAll(part).forEach(v -> values.add(v.getValue()));
    }
    values.sort(null);

    assertThat(parts.size(), equalTo(3));
    assertThat(values, equalTo(LongStream.range(10, 25_010).boxed().toList()));
  }

  @Test
  void limitsOutOfRangeFailNamingTheMethod() {
    Read.Unbounded<String> read = Read.from(abcde());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read.withMaxNumRecords(-1));
    assertThat(e.getMessage(), containsString("withMaxNumRecords: the number of records to read must not be negative"));
    e = assertThrows(IllegalArgumentException.class, () -> read.withMaxReadTime(Duration.millis(-1)));
    assertThat(e.getMessage(), containsString("withMaxReadTime: the read time must not be negative"));
  }

  private <T> List<TimestampedValue<T>> readAll(BoundedSource<T> source) throws Exception {
    List<TimestampedValue<T>> read = new ArrayList<>();
    try (BoundedSource.BoundedReader<T> reader = source.createReader(options)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        read.add(TimestampedValue.of(reader.getCurrent(), reader.getCurrentTimestamp()));
      }
    }
    return read;
  }

  /** Unbounded sources on a runner, bounded by a number of records or read to their end. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void withMaxNumRecordsReadsThatManyRecordsAndEnds() {
      PAssert.that(p.apply(Read.from(abcde()).withMaxNumRecords(2))).containsInAnyOrder("a", "b");
      p.run();
    }

    @Test
    void anUnboundedReadEndsWhenItsSourceIsDone() {
      PAssert.that(p.apply(Read.from(abcde().withPauses(1)))).containsInAnyOrder("a", "b", "c", "d", "e");
      p.run();
    }

    @Test
    void theRunnerDropsRedeliveredRecordsOfASourceThatRequiresDeduping() {
      PAssert.that(p.apply(Read.from(abcde().withRedelivery()))).containsInAnyOrder("a", "b", "c", "d", "e");
      p.run();
    }

    @Test
    void recordsKeepTheTimestampsTheReaderGave() {
      PCollection<KV<String, Long>> timestamps = p.apply(Read.from(abcde())).apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(
          KV.of("a", 1L), KV.of("b", 2L), KV.of("c", 3L), KV.of("d", 4L), KV.of("e", 5L));
      p.run();
    }
  }
}
