package dev.weir.runners.direct;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.joda.time.Instant;

/**
 * A sink for tests, until TestPipeline and PAssert exist: {@link #of} applies a ParDo that records
 * each element with its timestamp, window and pane under a fresh id, readable after the run.
 *
 * <p>The records live in a static map (a DoFn is serialized, so it cannot hold the test's own
 * list); each sink has its own id, so tests may run in parallel.
 *
 * @param <T> the element type
 */
final class Collected<T> {
  private static final Map<String, Queue<Record<?>>> RECORDS = new ConcurrentHashMap<>();

  private final String id;

  private Collected(String id) {
    this.id = id;
  }

  /** One element as the sink saw it. */
  record Record<T>(T value, Instant timestamp, BoundedWindow window, PaneInfo pane) {}

  /** Applies a recording sink to {@code input}; read it after the run. */
  static <T> Collected<T> of(PCollection<T> input) {
    String id = UUID.randomUUID().toString();
    RECORDS.put(id, new ConcurrentLinkedQueue<>());
    input.apply("Collect", ParDo.of(new RecordFn<T>(id)));
    return new Collected<>(id);
  }

  /** The values recorded, in no particular order. */
  List<T> values() {
    return records().stream().map(Record::value).toList();
  }

  /** Everything recorded, in no particular order. */
  @SuppressWarnings("unchecked")
  List<Record<T>> records() {
    return RECORDS.get(id).stream().map(r -> (Record<T>) r).toList();
  }

  private static final class RecordFn<T> extends DoFn<T, String> {
    private static final long serialVersionUID = 1L;
    private final String id;

    RecordFn(String id) {
      this.id = id;
    }

    @ProcessElement
    public void process(@Element T element, @Timestamp Instant timestamp, BoundedWindow window, PaneInfo pane) {
      RECORDS.get(id).add(new Record<>(element, timestamp, window, pane));
    }
  }
}
