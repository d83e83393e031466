package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.BooleanCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.UnboundedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.joda.time.Instant;

/**
 * Where a reader of a {@link WatchedTextSource} is: every file it has taken, how far it has read,
 * the files it saw that wait to settle, its poll schedule, and the times its termination condition
 * and timestamp policy need. Nothing to acknowledge on
 * finalization: files are not consumed.
 *
 * <p>Invariant: {@code 0 <= current <= taken.size()}; the files {@code taken[0, current)} are read
 * completely, {@code taken[current]} (if any) is read up to byte {@code offset} of its
 * (decompressed) content, which is the start of the next line to deliver, and the files after it
 * are taken but not yet opened.
 *
 * @param taken the absolute paths taken, in the order they were taken; each appears once
 * @param current the index in {@code taken} of the file being read, {@code taken.size()} if none
 * @param offset the byte offset in {@code taken[current]} of the next line; 0 if none
 * @param linesRead how many lines of {@code taken[current]} were delivered (the next line's number
 *     minus one); 0 if none
 * @param startedAt when watching started
 * @param lastNewFileAt when a poll last found a new file; null if none ever did
 * @param pollingDone whether the termination condition has stopped polling
 * @param nextPollAt when the next poll is due
 * @param unsettled the files seen but not taken yet, by path, with their version at the last poll
 * @param policyState the timestamp policy's state
 */
record WatchMark(List<String> taken, int current, long offset, long linesRead, Instant startedAt,
    Instant lastNewFileAt, boolean pollingDone, Instant nextPollAt, Map<String, FileVersion> unsettled,
    TimestampPolicy.State policyState) implements UnboundedSource.CheckpointMark {
  WatchMark {
    taken = List.copyOf(taken);
    checkArgument(0 <= current && current <= taken.size(), "current file %s outside [0, %s]", current, taken.size());
    checkArgument(offset >= 0 && (offset == 0 || current < taken.size()), "offset %s with no current file", offset);
    checkArgument(linesRead >= 0 && (linesRead == 0 || offset > 0), "%s lines read at offset %s", linesRead, offset);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(nextPollAt, "nextPollAt");
    unsettled = Collections.unmodifiableMap(new TreeMap<>(unsettled));
    Objects.requireNonNull(policyState, "policyState");
  }

  /**
   * What tells two versions of a file apart between polls.
   *
   * @param size the size in bytes
   * @param modifiedMicros the modification time, in microseconds since the epoch
   */
  record FileVersion(long size, long modifiedMicros) {}

  @Override
  public void finalizeCheckpoint() {}

  /**
   * Encodes a mark as a format version ({@value #VERSION}) followed by its fields in order. Decoding
   * refuses another version or a mark that breaks the invariant, with a {@link CoderException}.
   */
  static final class WatchMarkCoder extends AtomicCoder<WatchMark> {
    private static final long serialVersionUID = 1L;
    /** 2 added {@code linesRead}, {@code nextPollAt} and {@code unsettled}. */
    static final int VERSION = 2;
    private static final WatchMarkCoder INSTANCE = new WatchMarkCoder();
    private static final ListCoder<String> PATHS = ListCoder.of(StringUtf8Coder.of());
    private static final NullableCoder<Instant> OPTIONAL_INSTANT = NullableCoder.of(InstantCoder.of());

    private WatchMarkCoder() {}

    static WatchMarkCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(WatchMark mark, OutputStream out) throws IOException {
      VarIntCoder.of().encode(VERSION, out);
      PATHS.encode(mark.taken(), out);
      VarIntCoder.of().encode(mark.current(), out);
      VarLongCoder.of().encode(mark.offset(), out);
      VarLongCoder.of().encode(mark.linesRead(), out);
      InstantCoder.of().encode(mark.startedAt(), out);
      OPTIONAL_INSTANT.encode(mark.lastNewFileAt(), out);
      BooleanCoder.of().encode(mark.pollingDone(), out);
      InstantCoder.of().encode(mark.nextPollAt(), out);
      VarIntCoder.of().encode(mark.unsettled().size(), out);
      for (Map.Entry<String, FileVersion> file : mark.unsettled().entrySet()) {
        StringUtf8Coder.of().encode(file.getKey(), out);
        VarLongCoder.of().encode(file.getValue().size(), out);
        VarLongCoder.of().encode(file.getValue().modifiedMicros(), out);
      }
      TimestampPolicy.StateCoder.of().encode(mark.policyState(), out);
    }

    @Override
    public WatchMark decode(InputStream in) throws IOException {
      int version = VarIntCoder.of().decode(in);
      if (version != VERSION) {
        throw new CoderException("TextIO watch checkpoint mark has format version " + version
            + ", this Weir reads version " + VERSION + ". Fix: restart from a checkpoint written by the same version");
      }
      try {
        List<String> taken = PATHS.decode(in);
        int current = VarIntCoder.of().decode(in);
        long offset = VarLongCoder.of().decode(in);
        long linesRead = VarLongCoder.of().decode(in);
        Instant startedAt = InstantCoder.of().decode(in);
        Instant lastNewFileAt = OPTIONAL_INSTANT.decode(in);
        boolean pollingDone = BooleanCoder.of().decode(in);
        Instant nextPollAt = InstantCoder.of().decode(in);
        Map<String, FileVersion> unsettled = new TreeMap<>();
        for (int i = VarIntCoder.of().decode(in); i > 0; i--) {
          String path = StringUtf8Coder.of().decode(in);
          unsettled.put(path, new FileVersion(VarLongCoder.of().decode(in), VarLongCoder.of().decode(in)));
        }
        return new WatchMark(taken, current, offset, linesRead, startedAt, lastNewFileAt, pollingDone, nextPollAt,
            unsettled, TimestampPolicy.StateCoder.of().decode(in));
      } catch (IllegalArgumentException e) {
        throw new CoderException("Corrupt TextIO watch checkpoint mark: " + e.getMessage(), e);
      }
    }

    @Override
    public void verifyDeterministic() {}
  }
}
