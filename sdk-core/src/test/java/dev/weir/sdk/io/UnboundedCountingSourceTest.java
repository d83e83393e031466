package dev.weir.sdk.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.UnboundedCountingSource.CounterMark;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The endless source behind an unbounded {@link GenerateSequence}. */
class UnboundedCountingSourceTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  @Test
  void countsUpFromTheStart() throws Exception {
    assertThat(read(UnboundedCountingSource.from(5).createReader(options, null), 4), contains(5L, 6L, 7L, 8L));
  }

  @Test
  void partsInterleaveSoThatTogetherTheyCountEveryNumberOnce() throws Exception {
    List<UnboundedCountingSource> parts = UnboundedCountingSource.from(0).split(3, options);

    assertThat(parts.size(), equalTo(3));
    assertThat(read(parts.get(0).createReader(options, null), 3), contains(0L, 3L, 6L));
    assertThat(read(parts.get(1).createReader(options, null), 3), contains(1L, 4L, 7L));
    assertThat(read(parts.get(2).createReader(options, null), 3), contains(2L, 5L, 8L));
  }

  @Test
  void aRateLimitedReaderDeliversTheFirstNumberAtOnceThenWaitsForTheRate() throws Exception {
    UnboundedReader<Long> reader =
        UnboundedCountingSource.from(0).withRate(1, Duration.standardHours(1)).createReader(options, null);

    assertThat(reader.start(), equalTo(true));
    assertThat(reader.getCurrent(), equalTo(0L));
    assertThat(reader.advance(), equalTo(false));
  }

  @Test
  void aRateSmallerThanTheDesiredPartsMakesFewerParts() {
    assertThat(UnboundedCountingSource.from(0).withRate(2, Duration.standardSeconds(1)).split(5, options).size(),
        equalTo(2));
  }

  @Test
  void resumesAfterTheLastNumberOfAnEncodedCheckpoint() throws Exception {
    UnboundedCountingSource source = UnboundedCountingSource.from(0);
    UnboundedReader<Long> first = source.createReader(options, null);
    read(first, 3);
    byte[] mark = CoderUtils.encodeToByteArray(source.getCheckpointMarkCoder(), (CounterMark) first.getCheckpointMark());

    UnboundedReader<Long> resumed =
        source.createReader(options, CoderUtils.decodeFromByteArray(source.getCheckpointMarkCoder(), mark));

    assertThat(read(resumed, 2), contains(3L, 4L));
  }

  @Test
  void withATimestampFnTheWatermarkFollowsTheLastNumber() throws Exception {
    UnboundedReader<Long> reader = UnboundedCountingSource.from(1)
        .withTimestampFn((Long n) -> new Instant(n * 10))
        .createReader(options, null);

    assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MIN_VALUE));
    read(reader, 2);
    assertThat(reader.getCurrentTimestamp(), equalTo(new Instant(20)));
    assertThat(reader.getWatermark(), equalTo(new Instant(20)));
  }

  private static List<Long> read(UnboundedReader<Long> reader, int count) throws Exception {
    List<Long> read = new ArrayList<>();
    boolean available = reader.start();
    while (read.size() < count) {
      assertThat("a number is available", available, equalTo(true));
      read.add(reader.getCurrent());
      if (read.size() < count) {
        available = reader.advance();
      }
    }
    return read;
  }
}
