package dev.weir.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The unbounded event source, read, split and restored without a runner. */
class UnboundedEventSourceTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  private static long readOne(UnboundedReader<Event> reader, boolean first) throws IOException {
    assertTrue(first ? reader.start() : reader.advance(), "an event is available");
    Event e = reader.getCurrent();
    assertEquals(new Instant(e.ts()), reader.getCurrentTimestamp());
    return e.index();
  }

  /** A reader restored from {@code reader}'s mark after a round trip through the mark coder. */
  private UnboundedReader<Event> restore(UnboundedEventSource source, UnboundedReader<Event> reader)
      throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(source.getCheckpointMarkCoder(), (EventMark) reader.getCheckpointMark());
    return source.createReader(options, CoderUtils.decodeFromByteArray(source.getCheckpointMarkCoder(), bytes));
  }

  @Test
  void watermarkIsTheLargestEventTimeSoFarMinus2048Millis() throws IOException {
    UnboundedEventSource source = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 0);
    UnboundedReader<Event> reader = source.createReader(options, null);
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, reader.getWatermark());
    long maxTs = Long.MIN_VALUE;
    for (long i = 0; i < 100_000; i++) {
      assertEquals(i, readOne(reader, i == 0));
      maxTs = Math.max(maxTs, SpecReference.ts(i));
      assertEquals(new Instant(maxTs - 2048), reader.getWatermark(), "watermark after event " + i);
      assertTrue(reader.getWatermark().isBefore(reader.getCurrentTimestamp()), "event " + i + " is not late");
    }
  }

  @Test
  void watermarkReachesTheEndOfTimeOnceTheLastEventIsRead() throws IOException {
    UnboundedReader<Event> reader = new UnboundedEventSource(0, 1, 3, 0).createReader(options, null);
    readOne(reader, true);
    readOne(reader, false);
    readOne(reader, false);
    assertEquals(new Instant(-2048), reader.getWatermark());
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void aReaderRestoredFromAMarkContinuesExactlyWhereItLeftOff() throws Exception {
    UnboundedEventSource source = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 0);
    UnboundedReader<Event> reader = source.createReader(options, null);
    for (long i = 0; i < 25_000; i++) {
      readOne(reader, i == 0);
    }
    Instant watermark = reader.getWatermark();
    UnboundedReader<Event> restored = restore(source, reader);
    assertEquals(watermark, restored.getWatermark());
    assertEquals(25_000, readOne(restored, true));
    assertEquals(25_001, readOne(restored, false));
    assertEquals(25_000, readOne(reader, false), "the original reader is unaffected");
  }

  @Test
  void aReaderRestoredAfterTheEndIsDone() throws Exception {
    UnboundedEventSource source = new UnboundedEventSource(0, 1, 2, 0);
    UnboundedReader<Event> reader = source.createReader(options, null);
    readOne(reader, true);
    readOne(reader, false);
    UnboundedReader<Event> restored = restore(source, reader);
    assertFalse(restored.start());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, restored.getWatermark());
  }

  @Test
  void splitsInterleaveAndCoverEachIndexExactlyOnce() throws Exception {
    UnboundedEventSource source = new UnboundedEventSource(0, 1, 1000, 0);
    List<UnboundedEventSource> parts = source.split(3, options);
    assertEquals(3, parts.size());
    int[] seen = new int[1000];
    for (int k = 0; k < parts.size(); k++) {
      UnboundedReader<Event> reader = parts.get(k).createReader(options, null);
      for (boolean more = reader.start(); more; more = reader.advance()) {
        long index = reader.getCurrent().index();
        assertEquals(k, index % 3, "part " + k + " reads only its own indexes");
        seen[(int) index]++;
      }
      assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark(), "part " + k + " is done");
    }
    for (int i = 0; i < seen.length; i++) {
      assertEquals(1, seen[i], "times index " + i + " was read");
    }
  }

  @Test
  void splittingAPartSplitsItsOwnIndexesFurther() throws Exception {
    UnboundedEventSource part = new UnboundedEventSource(0, 1, 100, 0).split(2, options).get(1);
    List<Long> indexes = new ArrayList<>();
    for (UnboundedEventSource sub : part.split(2, options)) {
      UnboundedReader<Event> reader = sub.createReader(options, null);
      indexes.add(readOne(reader, true));
      indexes.add(readOne(reader, false));
    }
    assertEquals(List.of(1L, 5L, 3L, 7L), indexes);
  }

  @Test
  void neverMakesMorePartsThanEvents() throws Exception {
    assertEquals(2, new UnboundedEventSource(0, 1, 2, 0).split(8, options).size());
    assertEquals(1, new UnboundedEventSource(0, 1, 0, 0).split(8, options).size());
  }

  @Test
  void restoringAPartFromAnotherPartsMarkFailsNamingBoth() throws Exception {
    List<UnboundedEventSource> parts = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 0).split(2, options);
    UnboundedReader<Event> reader = parts.get(0).createReader(options, null);
    readOne(reader, true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parts.get(1).createReader(options, (EventMark) reader.getCheckpointMark()));
    assertTrue(e.getMessage().startsWith("Checkpoint mark EventMark[nextIndex=2"), e.getMessage());
    assertTrue(e.getMessage().contains("SyntheticEvents{first=1, stride=2}, which reads indexes 1 + k * 2;"
        + " restore each part of the synthetic source from its own marks"), e.getMessage());
  }

  @Test
  void aRateHoldsBackEventsThatAreNotDueYet() throws IOException {
    // One event per second: the first is due at once, the second a second later.
    UnboundedReader<Event> reader = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 1).createReader(options, null);
    assertEquals(0, readOne(reader, true));
    assertFalse(reader.advance());
    assertEquals(new Instant(SpecReference.ts(0) - 2048), reader.getWatermark());
  }

  @Test
  void thePartsOfOneSplitFollowOneScheduleHoweverLateTheirReadersStart() throws Exception {
    List<UnboundedEventSource> parts = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 1000).split(2, options);

    EventMark first = (EventMark) parts.get(0).createReader(options, null).getCheckpointMark();
    long created = System.currentTimeMillis();
    while (System.currentTimeMillis() == created) {
      // The second reader is created in a later millisecond than the first.
      Thread.onSpinWait();
    }
    EventMark second = (EventMark) parts.get(1).createReader(options, null).getCheckpointMark();

    assertEquals(first.startMillis(), second.startMillis());
  }

  @Test
  void eventIsDueAtStartPlusIndexOverRate() {
    UnboundedEventSource source = new UnboundedEventSource(0, 1, Long.MAX_VALUE, 3);
    assertEquals(1000, source.dueMillis(1000, 0));
    assertEquals(1333, source.dueMillis(1000, 1));
    assertEquals(2000, source.dueMillis(1000, 3));
    assertEquals(Long.MAX_VALUE, source.dueMillis(1000, Long.MAX_VALUE - 1));
  }

  @Test
  void aRatedReaderDeliversNoFasterThanTheRate() throws IOException {
    UnboundedReader<Event> reader = new UnboundedEventSource(0, 1, 101, 1000).createReader(options, null);
    long started = System.currentTimeMillis();
    long delivered = 0;
    for (boolean more = reader.start(); delivered < 101; more = reader.advance()) {
      if (more) {
        delivered++;
      }
    }
    assertTrue(System.currentTimeMillis() - started >= 100, "100 events after the first take 100 ms at 1000/s");
  }
}
