package dev.weir.sdk.transforms;

import dev.weir.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Test fixture: pairs each element with its timestamp in milliseconds, so that assertions can see
 * timestamps.
 *
 * @param <T> the element type
 */
public final class TimestampMillisFn<T> extends DoFn<T, KV<T, Long>> {
  private static final long serialVersionUID = 1L;

  @ProcessElement
  public void processElement(@Element T element, @Timestamp Instant timestamp, OutputReceiver<KV<T, Long>> out) {
    out.output(KV.of(element, timestamp.getMillis()));
  }
}
