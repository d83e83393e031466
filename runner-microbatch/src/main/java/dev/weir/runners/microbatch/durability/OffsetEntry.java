package dev.weir.runners.microbatch.durability;

import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * One entry of the offset log, {@code offsets/N}: what batch {@code N} reads from each source, the
 * watermark it runs under for each, and its processing time. Written before the batch runs, so
 * that a re-run after a crash reads exactly the same records under the same times.
 *
 * @param batchId the batch
 * @param processingTime the processing time the batch runs at
 * @param sources the range of every source, in the order of the graph
 */
public record OffsetEntry(long batchId, Instant processingTime, List<SourceOffset> sources) {
  public OffsetEntry {
    Objects.requireNonNull(processingTime, "processingTime");
    sources = List.copyOf(sources);
  }

  /** The least watermark over the sources: the event time the batch runs at. */
  public Instant watermark() {
    Instant min = null;
    for (SourceOffset source : sources) {
      if (min == null || source.watermark().isBefore(min)) {
        min = source.watermark();
      }
    }
    return min == null ? processingTime : min;
  }

  /** How many records the batch reads over all sources. */
  public long records() {
    return sources.stream().mapToLong(SourceOffset::records).sum();
  }

  /** The coder of version 1 of the offset log format. */
  static Coder<OffsetEntry> coder() {
    return EntryCoder.INSTANCE;
  }

  /** Encodes an entry as batch id, processing time, then each source's fields in declaration order. */
  private static final class EntryCoder extends CustomCoder<OffsetEntry> {
    private static final EntryCoder INSTANCE = new EntryCoder();
    private static final long serialVersionUID = 1L;
    private static final Coder<List<SourceOffset>> SOURCES = ListCoder.of(new SourceCoder());

    @Override
    public void encode(OffsetEntry value, OutputStream out) throws CoderException, IOException {
      VarLongCoder.of().encode(value.batchId(), out);
      InstantCoder.of().encode(value.processingTime(), out);
      SOURCES.encode(value.sources(), out);
    }

    @Override
    public OffsetEntry decode(InputStream in) throws CoderException, IOException {
      return new OffsetEntry(VarLongCoder.of().decode(in), InstantCoder.of().decode(in), SOURCES.decode(in));
    }
  }

  /** Encodes one source's range. */
  private static final class SourceCoder extends CustomCoder<SourceOffset> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(SourceOffset value, OutputStream out) throws CoderException, IOException {
      StringUtf8Coder.of().encode(value.stepName(), out);
      ByteArrayCoder.of().encode(value.start(), out);
      ByteArrayCoder.of().encode(value.end(), out);
      VarLongCoder.of().encode(value.records(), out);
      InstantCoder.of().encode(value.watermark(), out);
      InstantCoder.of().encode(value.nextWatermark(), out);
    }

    @Override
    public SourceOffset decode(InputStream in) throws CoderException, IOException {
      return new SourceOffset(StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in),
          ByteArrayCoder.of().decode(in), VarLongCoder.of().decode(in), InstantCoder.of().decode(in),
          InstantCoder.of().decode(in));
    }
  }
}
