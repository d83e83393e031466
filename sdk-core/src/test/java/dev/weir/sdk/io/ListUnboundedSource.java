package dev.weir.sdk.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.TimestampedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.joda.time.Instant;

/**
 * An unbounded source over a fixed list of timestamped records, for tests of runners and of the
 * unbounded read transforms: it ends (its watermark reaches the end of time) once every record was
 * read, so pipelines over it finish.
 *
 * <p>Record {@code i} has id {@code i}. {@link #split} deals the records round-robin into at most
 * the requested number of parts. A reader's watermark is the latest timestamp it has delivered
 * (the minimum before any), then the end of time after its last record. Options: {@link
 * #withPauses} makes {@code advance()} report "no record yet" that many times before each record;
 * {@link #withRedelivery} delivers every record twice and requires deduping;
 * {@link #withUndecodableCheckpointMarks} breaks its checkpoint mark coder. Checkpoint marks are
 * the index of the next record; finalized marks are recorded per source, see {@link
 * #finalizedMarks()}. Records are kept encoded, so any coder works. Immutable and serializable.
 *
 * @param <T> the element type
 */
public final class ListUnboundedSource<T> extends UnboundedSource<T, ListUnboundedSource.IndexMark> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Queue<Integer>> FINALIZED = new ConcurrentHashMap<>();

  private final String id;
  private final Coder<T> coder;
  private final List<byte[]> encoded;
  private final List<Long> timestampMillis;
  /** The indices of the records of this part, in reading order. */
  private final List<Integer> indices;
  private final int pauses;
  private final boolean redelivery;
  private final boolean undecodableMarks;

  private ListUnboundedSource(String id, Coder<T> coder, List<byte[]> encoded, List<Long> timestampMillis,
      List<Integer> indices, int pauses, boolean redelivery, boolean undecodableMarks) {
    this.id = id;
    this.coder = coder;
    this.encoded = encoded;
    this.timestampMillis = timestampMillis;
    this.indices = indices;
    this.pauses = pauses;
    this.redelivery = redelivery;
    this.undecodableMarks = undecodableMarks;
  }

  /** A source of {@code records}, in this order. */
  @SafeVarargs
  public static <T> ListUnboundedSource<T> of(Coder<T> coder, TimestampedValue<T>... records) {
    return of(coder, List.of(records));
  }

  /** A source of {@code records}, in this order. */
  public static <T> ListUnboundedSource<T> of(Coder<T> coder, List<TimestampedValue<T>> records) {
    List<byte[]> encoded = new ArrayList<>();
    List<Long> timestamps = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (TimestampedValue<T> record : records) {
      try {
        encoded.add(CoderUtils.encodeToByteArray(coder, record.getValue()));
      } catch (CoderException e) {
        throw new UncheckedIOException(e);
      }
      timestamps.add(record.getTimestamp().getMillis());
      indices.add(indices.size());
    }
    String id = UUID.randomUUID().toString();
    FINALIZED.put(id, new ConcurrentLinkedQueue<>());
    return new ListUnboundedSource<>(id, coder, encoded, timestamps, indices, 0, false, false);
  }

  /** This source with {@code count} "no record yet" answers before each record. */
  public ListUnboundedSource<T> withPauses(int count) {
    checkArgument(count >= 0, "pauses must not be negative");
    return new ListUnboundedSource<>(id, coder, encoded, timestampMillis, indices, count, redelivery, undecodableMarks);
  }

  /** This source delivering every record twice, and requiring deduping. */
  public ListUnboundedSource<T> withRedelivery() {
    return new ListUnboundedSource<>(id, coder, encoded, timestampMillis, indices, pauses, true, undecodableMarks);
  }

  /** This source with a checkpoint mark coder whose encodings do not decode, as a broken source's. */
  public ListUnboundedSource<T> withUndecodableCheckpointMarks() {
    return new ListUnboundedSource<>(id, coder, encoded, timestampMillis, indices, pauses, redelivery, true);
  }

  /** The marks finalized so far by readers of this source and its parts: each the next index then. */
  public List<Integer> finalizedMarks() {
    return List.copyOf(FINALIZED.get(id));
  }

  @Override
  public List<ListUnboundedSource<T>> split(int desiredNumSplits, PipelineOptions options) {
    int parts = Math.max(1, Math.min(desiredNumSplits, indices.size()));
    List<List<Integer>> dealt = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < indices.size(); i++) {
      dealt.get(i % parts).add(indices.get(i));
    }
    List<ListUnboundedSource<T>> splits = new ArrayList<>();
    for (List<Integer> part : dealt) {
      splits.add(new ListUnboundedSource<>(id, coder, encoded, timestampMillis, part, pauses, redelivery, undecodableMarks));
    }
    return splits;
  }

  @Override
  public UnboundedReader<T> createReader(PipelineOptions options, IndexMark checkpointMark) {
    return new Reader(checkpointMark == null ? 0 : checkpointMark.next());
  }

  @Override
  public Coder<IndexMark> getCheckpointMarkCoder() {
    return new IndexMarkCoder(undecodableMarks);
  }

  @Override
  public boolean requiresDeduping() {
    return redelivery;
  }

  @Override
  public Coder<T> getOutputCoder() {
    return coder;
  }

  /**
   * The position of a reader: the position in its part's reading order of the next record.
   *
   * @param next the next position to read
   * @param sourceId the id of the source, for recording finalization
   */
  public record IndexMark(int next, String sourceId) implements CheckpointMark {
    @Override
    public void finalizeCheckpoint() {
      FINALIZED.get(sourceId).add(next);
    }
  }

  /** Encodes an {@link IndexMark}. */
  static final class IndexMarkCoder extends CustomCoder<IndexMark> {
    private static final long serialVersionUID = 1L;
    private final boolean undecodable;

    IndexMarkCoder(boolean undecodable) {
      this.undecodable = undecodable;
    }

    @Override
    public void encode(IndexMark mark, OutputStream out) throws IOException {
      VarIntCoder.of().encode(mark.next(), out);
      byte[] idBytes = mark.sourceId().getBytes(StandardCharsets.UTF_8);
      VarIntCoder.of().encode(idBytes.length, out);
      out.write(idBytes);
    }

    @Override
    public IndexMark decode(InputStream in) throws IOException {
      if (undecodable) {
        throw new CoderException("this coder forgets how to decode");
      }
      int next = VarIntCoder.of().decode(in);
      byte[] idBytes = in.readNBytes(VarIntCoder.of().decode(in));
      return new IndexMark(next, new String(idBytes, StandardCharsets.UTF_8));
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Reads one part, with pauses and redeliveries as configured. */
  private final class Reader extends UnboundedReader<T> {
    /** Position in {@link #indices} of the current record, or of the next one before the first read. */
    private int position;
    private int pausesLeft;
    private boolean deliveredTwice;
    private boolean atRecord;
    private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;

    Reader(int start) {
      this.position = start - 1;
    }

    @Override
    public boolean start() {
      pausesLeft = pauses;
      return advance();
    }

    @Override
    public boolean advance() {
      if (redelivery && atRecord && !deliveredTwice) {
        deliveredTwice = true;
        return true;
      }
      if (position + 1 >= indices.size()) {
        atRecord = false;
        watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
        return false;
      }
      if (pausesLeft > 0) {
        pausesLeft--;
        return false;
      }
      pausesLeft = pauses;
      position++;
      deliveredTwice = false;
      atRecord = true;
      Instant timestamp = new Instant(timestampMillis.get(indices.get(position)));
      if (timestamp.isAfter(watermark)) {
        watermark = timestamp;
      }
      return true;
    }

    @Override
    public T getCurrent() {
      if (!atRecord) {
        throw new NoSuchElementException("no current record");
      }
      try {
        return CoderUtils.decodeFromByteArray(coder, encoded.get(indices.get(position)));
      } catch (CoderException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Instant getCurrentTimestamp() {
      if (!atRecord) {
        throw new NoSuchElementException("no current record");
      }
      return new Instant(timestampMillis.get(indices.get(position)));
    }

    @Override
    public byte[] getCurrentRecordId() {
      return ByteBuffer.allocate(Integer.BYTES).putInt(indices.get(position)).array();
    }

    @Override
    public Instant getWatermark() {
      return watermark;
    }

    @Override
    public IndexMark getCheckpointMark() {
      return new IndexMark(position + 1, id);
    }

    @Override
    public ListUnboundedSource<T> getCurrentSource() {
      return ListUnboundedSource.this;
    }

    @Override
    public void close() {}
  }
}
