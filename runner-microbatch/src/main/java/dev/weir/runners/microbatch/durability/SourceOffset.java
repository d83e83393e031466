package dev.weir.runners.microbatch.durability;

import java.util.Arrays;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The range one source contributes to one batch, as written in the offset log: where the batch
 * starts and ends reading (in the source's own encoding: a record count, a TestStream event index,
 * an encoded checkpoint mark), how many records lie in between (at most), the watermark the batch runs under
 * for this source, and the watermark the source reported after the range was read (the next
 * batch's).
 *
 * <p>Immutable (the arrays are copied on the way in and out).
 *
 * @param stepName the full name of the source step
 * @param start the position before the batch
 * @param end the position after the batch
 * @param records how many records the batch reads from this source; for a source whose
 *     positions count records and which learns where it ends only by reading (a bounded source),
 *     at most this many
 * @param watermark the source's watermark for this batch
 * @param nextWatermark the source's watermark after reading the batch
 */
public record SourceOffset(
    String stepName, byte[] start, byte[] end, long records, Instant watermark, Instant nextWatermark) {

  public SourceOffset {
    Objects.requireNonNull(stepName, "stepName");
    start = start.clone();
    end = end.clone();
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(nextWatermark, "nextWatermark");
  }

  @Override
  public byte[] start() {
    return start.clone();
  }

  @Override
  public byte[] end() {
    return end.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceOffset other && stepName.equals(other.stepName) && Arrays.equals(start, other.start)
        && Arrays.equals(end, other.end) && records == other.records && watermark.equals(other.watermark)
        && nextWatermark.equals(other.nextWatermark);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stepName, Arrays.hashCode(start), Arrays.hashCode(end), records, watermark, nextWatermark);
  }

  @Override
  public String toString() {
    return stepName + "[" + records + " records, watermark " + watermark + " -> " + nextWatermark + "]";
  }
}
