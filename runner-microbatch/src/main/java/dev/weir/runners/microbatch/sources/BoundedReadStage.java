package dev.weir.runners.microbatch.sources;

import dev.weir.runners.microbatch.durability.SourceOffset;
import dev.weir.runners.microbatch.execution.SliceFeed;
import dev.weir.runners.microbatch.execution.SlicedSource;
import dev.weir.runners.microbatch.execution.StageContext;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.sources.BoundedSourceSplits;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Runs a {@code Read.Bounded} step as Spark runs a file source in a streaming query: the source is
 * cut once into {@value #SHARES_PER_PARTITION} shares per key partition
 * ({@link BoundedSourceSplits}), a share's position is the number of its records read so far, and
 * each batch plans for every share not yet exhausted an even part of {@code --maxRecordsPerBatch}
 * without reading anything; the batch's tasks then read their shares in parallel and push the
 * records straight into the steps fused after the source. A logged range is therefore "at most
 * this many records from here": a share that ends sooner gives fewer, the same ones on every
 * replay.
 *
 * <p>The watermark stays at the beginning of time until every share is known to be exhausted, then
 * the next batch runs at the end of time. After a restart the shares are read again from their
 * beginnings up to the committed positions.
 *
 * @param <T> the type of the records
 */
public final class BoundedReadStage<T> extends SourceStage<T> implements SlicedSource {
  /**
   * More shares than workers, as Spark makes more tasks than cores: a worker whose task ends first
   * takes another instead of waiting for the slowest one (the JIT and the collector take the cores
   * unevenly).
   */
  static final int SHARES_PER_PARTITION = 4;
  private final BoundedSource<T> source;
  private List<ShareReader<T>> shares;
  /** What the next batch reads from each share: at most this many records. */
  private long[] planned;
  /** What the last batch read from each share. */
  private long[] read;

  @SuppressWarnings("unchecked")
  public BoundedReadStage(Step step, StageContext context) {
    super(step, context);
    this.source = ((Read.Bounded<T>) step.transform()).getSource();
  }

  @Override
  public SourceOffset plan(long maxRecords) throws Exception {
    List<ShareReader<T>> readers = shares();
    Instant watermark = upcomingWatermark();
    long[] start = positions();
    int open = 0;
    for (ShareReader<T> share : readers) {
      open += share.isExhausted() ? 0 : 1;
    }
    // The flag's records shared out as evenly as they divide: a batch never plans more than the flag.
    long quota = open == 0 ? 0 : maxRecords / open;
    long remainder = open == 0 ? 0 : maxRecords % open;
    long[] end = new long[readers.size()];
    long total = 0;
    for (int i = 0; i < readers.size(); i++) {
      planned[i] = 0;
      if (!readers.get(i).isExhausted()) {
        planned[i] = quota + (remainder-- > 0 ? 1 : 0);
      }
      end[i] = saturatedSum(start[i], planned[i]);
      total = saturatedSum(total, planned[i]);
    }
    keep(List.of(), watermark);
    return new SourceOffset(step.fullName(), encode(start), encode(end), total, watermark, watermark);
  }

  @Override
  public void replay(SourceOffset offset) throws Exception {
    long[] start = decode(offset.start(), "start");
    long[] end = decode(offset.end(), "end");
    resumeAt(start);
    for (int i = 0; i < start.length; i++) {
      planned[i] = end[i] - start[i];
    }
    keep(List.of(), offset.watermark());
  }

  @Override
  public void resumeAfter(SourceOffset offset) throws Exception {
    resumeAt(decode(offset.end(), "end"));
    keep(List.of(), offset.watermark());
  }

  /** Reopens every share and reads it up to {@code positions}, or to its end if it ends sooner. */
  private void resumeAt(long[] positions) throws Exception {
    close();
    shares = null;
    List<ShareReader<T>> readers = shares();
    for (int i = 0; i < readers.size(); i++) {
      readers.get(i).read(positions[i], record -> { });
    }
  }

  @Override
  public List<SliceFeed> slices() {
    List<SliceFeed> feeds = new ArrayList<>();
    for (int i = 0; i < planned.length; i++) {
      int share = i;
      long records = planned[i];
      read[i] = 0;
      if (records > 0) {
        feeds.add(into -> read[share] = shares.get(share).read(records, into));
      }
      planned[i] = 0;
    }
    return feeds;
  }

  @Override
  public long recordsOf(SourceOffset offset) {
    long total = 0;
    for (long records : read) {
      total += records;
    }
    return total;
  }

  @Override
  public Instant upcomingWatermark() {
    return isExhausted() ? BoundedWindow.TIMESTAMP_MAX_VALUE : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  @Override
  public boolean isExhausted() {
    if (shares == null) {
      return false;
    }
    for (ShareReader<T> share : shares) {
      if (!share.isExhausted()) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void close() {
    if (shares != null) {
      shares.forEach(ShareReader::close);
    }
  }

  /** The source's shares, cut at first use: the same cut every run, since it depends only on the source and the partitions. */
  private List<ShareReader<T>> shares() throws Exception {
    if (shares == null) {
      List<ShareReader<T>> made = new ArrayList<>();
      int count = SHARES_PER_PARTITION * context.partitions();
      for (List<BoundedSource<T>> parts : BoundedSourceSplits.dealt(source, count, context.options())) {
        made.add(new ShareReader<>(parts, context.options()));
      }
      shares = made;
      planned = new long[made.size()];
      read = new long[made.size()];
    }
    return shares;
  }

  private long[] positions() {
    long[] positions = new long[shares.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = shares.get(i).position();
    }
    return positions;
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static byte[] encode(long[] positions) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarIntCoder.of().encode(positions.length, out);
    for (long position : positions) {
      VarLongCoder.of().encode(position, out);
    }
    return out.toByteArray();
  }

  /** The positions of the offset log's {@code which} range, one per share of this run's cut. */
  private long[] decode(byte[] bytes, String which) throws Exception {
    int count = shares().size();
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    long[] positions;
    try {
      int logged = VarIntCoder.of().decode(in);
      if (logged != count) {
        throw new IllegalStateException("The offset log holds positions of " + logged + " shares of source '"
            + step.fullName() + "', but the source now splits into " + count + "; the source changed since the"
            + " checkpoint was written. Fix: start over with a new --checkpointDir.");
      }
      positions = new long[count];
      for (int i = 0; i < count; i++) {
        positions[i] = VarLongCoder.of().decode(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable " + which + " position of " + step.fullName()
          + " in the offset log: " + e, e);
    }
    return positions;
  }
}
