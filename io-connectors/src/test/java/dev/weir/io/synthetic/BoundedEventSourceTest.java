package dev.weir.io.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.io.BoundedSource.BoundedReader;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded event source, read and split without a runner. */
class BoundedEventSourceTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  private List<Long> indexesOf(BoundedEventSource source) throws IOException {
    List<Long> indexes = new ArrayList<>();
    try (BoundedReader<Event> reader = source.createReader(options)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        Event e = reader.getCurrent();
        assertEquals(new Instant(e.ts()), reader.getCurrentTimestamp(), "timestamp of event " + e.index());
        indexes.add(e.index());
      }
    }
    return indexes;
  }

  @Test
  void readsEachEventInOrderAtItsEventTime() throws IOException {
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      expected.add(i);
    }
    assertEquals(expected, indexesOf(new BoundedEventSource(0, 1000)));
  }

  @Test
  void splitsCoverEachIndexExactlyOnce() throws Exception {
    BoundedEventSource source = new BoundedEventSource(0, 10_007);
    for (long bundleBytes : new long[] {1, 8 * 100, 8 * 999, 8 * 10_007, Long.MAX_VALUE}) {
      List<Long> all = new ArrayList<>();
      for (BoundedEventSource part : source.split(bundleBytes, options)) {
        all.addAll(indexesOf(part));
      }
      assertEquals(10_007, all.size(), "events read with bundles of " + bundleBytes + " bytes");
      for (int i = 0; i < all.size(); i++) {
        assertEquals(i, all.get(i), "index at position " + i + " with bundles of " + bundleBytes + " bytes");
      }
    }
  }

  @Test
  void splitsIntoBundlesOfTheDesiredSize() throws Exception {
    List<BoundedEventSource> parts = new BoundedEventSource(0, 1000).split(8 * 300, options);
    assertEquals(4, parts.size());
    assertEquals(900, parts.get(3).from());
    assertEquals(1000, parts.get(3).to());
    assertEquals(8_000, new BoundedEventSource(0, 1000).getEstimatedSizeBytes(options));
  }

  @Test
  void anEmptySourceReadsNothing() throws Exception {
    BoundedEventSource empty = new BoundedEventSource(0, 0);
    assertEquals(List.of(empty), empty.split(1, options));
    try (BoundedReader<Event> reader = empty.createReader(options)) {
      assertFalse(reader.start());
      assertTrue(reader.getFractionConsumed() == 1.0);
    }
  }
}
