package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PDone;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.joda.time.Duration;

/**
 * Reads and writes text files, one element per line, as Beam's {@code org.apache.beam.sdk.io.TextIO}.
 *
 * <pre>{@code
 * PCollection<String> lines = p.apply(TextIO.read().from("/data/logs/*.gz"));
 * lines.apply(TextIO.write().to("/out/lines").withSuffix(".txt").withNumShards(3));
 * }</pre>
 *
 * <p><b>Reading</b>: the pattern is a local file name or a glob ({@code *}, {@code ?}, {@code **},
 * {@code [..]}, {@code {a,b}} as {@link java.nio.file.PathMatcher} defines them); the matching files
 * are read in name order. Lines are decoded as UTF-8 and end at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, which are not part of the element; an empty line is an (empty) element; bytes after
 * the last terminator form a last element, and a file ending with a terminator has no extra empty
 * element. Files ending in {@code .gz} are gunzipped ({@link Compression#AUTO}, the default).
 * Uncompressed files are split by byte ranges so that runners read them in parallel. A pattern that
 * matches no file fails when the pipeline is built, naming the pattern; a file that cannot be read
 * fails the run, naming the file.
 *
 * <p><b>Writing</b>: each element becomes a line ended by {@code \n}, in UTF-8. Files are named
 * {@code prefix + shardTemplate + suffix} (see {@link ShardNameTemplate}; the default template is
 * {@code -SSSSS-of-NNNNN}). Without {@link Write#withNumShards}, the runner decides the number of
 * shards (one per bundle written); an empty input still produces one (empty) file, and a fixed
 * shard count always produces that many files, as in Beam. Shards are first written to a
 * temporary directory {@code .weir-temp-<uuid>} beside the output, forced to disk, and then renamed
 * into place by a final commit step, so an output file name never shows a partial file and a failed
 * write leaves no output file (its temporary directory may remain).
 *
 * <p><b>Watching</b>: {@code read().from(glob).watchForNewFiles(pollInterval, Watch.Growth.afterTimeSinceNewOutput(d))}
 * is an unbounded read that also takes files appearing later, each path once, and ends when the
 * termination condition stops polling and every file taken is read; lines are stamped by a
 * {@link TimestampPolicy} ({@link Read#withTimestampPolicy}, processing time by default). Its
 * checkpoints hold the files taken and the byte offset in the one being read. See
 * {@link WatchedTextSource}.
 *
 * <p><b>Windowed writes</b>: {@code write().to(prefix).withWindowedWrites()} writes each window and
 * pane to its own files and commits them exactly once through the runner's transactions; it is
 * required for unbounded input. See {@link Write#withWindowedWrites} and {@link WindowedTextSink}.
 *
 * <p>Differences from Beam: local files only; reading knows AUTO, UNCOMPRESSED and GZIP; writing
 * does not compress and supports no dynamic destinations; windowed writes name files by
 * transaction and shard rather than shard count; {@code write()} returns {@link PDone} where
 * Beam's returns a {@code WriteFilesResult}.
 */
public final class TextIO {
  private TextIO() {}

  /** A transform that reads lines from files; call {@link Read#from} before applying it. */
  public static Read read() {
    return new Read(null, Compression.AUTO);
  }

  /** A transform that writes lines to files; call {@link Write#to} before applying it. */
  public static Write write() {
    return new Write(null, "", 0, null, null, null, false);
  }

  /**
   * Reads the lines of the files a pattern matches. Immutable: each {@code withX} returns a copy.
   */
  public static final class Read extends PTransform<PBegin, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    private final String filepattern;
    private final Compression compression;
    /** How often to poll for new files, or null for a bounded read of the files there now. */
    private final Duration pollInterval;
    private final Watch.TerminationCondition termination;
    private final TimestampPolicy<String> timestampPolicy;
    private final WallClock clock;

    private Read(String filepattern, Compression compression) {
      this(filepattern, compression, null, null, null, WallClock.SYSTEM);
    }

    private Read(String filepattern, Compression compression, Duration pollInterval,
        Watch.TerminationCondition termination, TimestampPolicy<String> timestampPolicy, WallClock clock) {
      this.filepattern = filepattern;
      this.compression = compression;
      this.pollInterval = pollInterval;
      this.termination = termination;
      this.timestampPolicy = timestampPolicy;
      this.clock = clock;
    }

    /** Reads the file, or the files the glob matches, named by {@code filepattern}. */
    public Read from(String filepattern) {
      checkArgument(filepattern != null && !filepattern.isEmpty(),
          "TextIO.read().from(): the file pattern must not be empty");
      return new Read(filepattern, compression, pollInterval, termination, timestampPolicy, clock);
    }

    /** Reads the files as compressed with {@code compression}; AUTO (the default) goes by extension. */
    public Read withCompression(Compression compression) {
      return new Read(filepattern, Objects.requireNonNull(compression, "compression"), pollInterval, termination,
          timestampPolicy, clock);
    }

    /**
     * Makes this an unbounded read that also takes the files appearing later: it polls the pattern
     * every {@code pollInterval}, reads each new path once, as soon as a poll finds its size and
     * modification time unchanged since the previous poll (so a file still being written waits),
     * and ends when
     * {@code terminationCondition} (see {@link Watch.Growth}) stops polling and every file taken is
     * read. A pattern that matches nothing yet is fine. Lines are stamped by the
     * {@link #withTimestampPolicy timestamp policy}, processing time by default.
     *
     * @throws IllegalArgumentException if {@code pollInterval} is not positive
     */
    public Read watchForNewFiles(Duration pollInterval, Watch.TerminationCondition terminationCondition) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(terminationCondition, "terminationCondition");
      checkArgument(pollInterval.isLongerThan(Duration.ZERO),
          "TextIO.read().watchForNewFiles(%s, ...): the poll interval must be positive", pollInterval);
      return new Read(filepattern, compression, pollInterval, terminationCondition, timestampPolicy, clock);
    }

    /**
     * Stamps the lines of a {@link #watchForNewFiles watching} read, and computes its watermark,
     * with {@code policy}; {@link TimestampPolicy#processingTime()} by default. A read that does not
     * watch refuses a policy when applied: its lines have no event time yet.
     */
    public Read withTimestampPolicy(TimestampPolicy<String> policy) {
      return new Read(filepattern, compression, pollInterval, termination,
          Objects.requireNonNull(policy, "policy"), clock);
    }

    /** This read with wall time taken from {@code clock}; for tests in this package. */
    Read withClock(WallClock clock) {
      return new Read(filepattern, compression, pollInterval, termination, timestampPolicy,
          Objects.requireNonNull(clock, "clock"));
    }

    /** Whether this read {@link #watchForNewFiles watches} for new files. */
    public boolean isWatching() {
      return pollInterval != null;
    }

    /** The file pattern, or null before {@link #from}. */
    public String getFilepattern() {
      return filepattern;
    }

    public Compression getCompression() {
      return compression;
    }

    @Override
    public PCollection<String> expand(PBegin input) {
      checkState(filepattern != null, "TextIO.read() has no file to read: call .from(\"path/or/glob\") on it");
      if (isWatching()) {
        return input.apply("Read", dev.weir.sdk.io.Read.from(watchedSource()));
      }
      checkArgument(timestampPolicy == null,
          "TextIO.read().from(\"%s\").withTimestampPolicy(%s): only a read that watches for new files takes a"
              + " timestamp policy. Fix: add .watchForNewFiles(pollInterval, Watch.Growth.never()), or stamp the"
              + " lines with WithTimestamps after reading", filepattern, timestampPolicy);
      return input.apply("Read", dev.weir.sdk.io.Read.from(TextSource.fromPattern(filepattern, compression)));
    }

    /** The unbounded source of a watching read. */
    WatchedTextSource watchedSource() {
      checkState(isWatching(), "TextIO.read().from(\"%s\") does not watch for new files", filepattern);
      TimestampPolicy<String> policy = timestampPolicy == null ? TimestampPolicy.processingTime() : timestampPolicy;
      return new WatchedTextSource(new FilePattern(filepattern), compression, pollInterval, termination, policy, clock);
    }

    @Override
    protected String getKindString() {
      return "TextIO.Read";
    }

    /**
     * The same read yielding each line with its file and 1-based line number; internal to the
     * connectors (JsonIO's dead letters name where a bad line came from).
     */
    ReadWithLocation withLocation() {
      return new ReadWithLocation(this);
    }
  }

  /** Reads lines as {@link Read} does, each with its file and line number; see {@link LocatedTextSource}. */
  static final class ReadWithLocation extends PTransform<PBegin, PCollection<LocatedLine>> {
    private static final long serialVersionUID = 1L;

    private final Read read;

    private ReadWithLocation(Read read) {
      this.read = read;
    }

    @Override
    public PCollection<LocatedLine> expand(PBegin input) {
      checkState(read.filepattern != null, "TextIO.read() has no file to read: call .from(\"path/or/glob\") on it");
      if (read.isWatching()) {
        return input.apply("Read", dev.weir.sdk.io.Read.from(new WatchedLocatedTextSource(read.watchedSource())));
      }
      checkArgument(read.timestampPolicy == null,
          "TextIO.read().from(\"%s\").withTimestampPolicy(%s): only a read that watches for new files takes a"
              + " timestamp policy. Fix: add .watchForNewFiles(pollInterval, Watch.Growth.never())",
          read.filepattern, read.timestampPolicy);
      TextSource text = TextSource.fromPattern(read.filepattern, read.compression);
      return input.apply("Read", dev.weir.sdk.io.Read.from(new LocatedTextSource(text)));
    }

    @Override
    protected String getKindString() {
      return "TextIO.ReadWithLocation";
    }
  }

  /**
   * Writes lines to sharded files, atomically per file. Immutable: each {@code withX} returns a
   * copy. Its output is {@link PDone}, where Beam's is a {@code WriteFilesResult} listing the files
   * written; the files are known only from their names.
   */
  public static final class Write extends PTransform<PCollection<String>, PDone> {
    private static final long serialVersionUID = 1L;

    private final String filenamePrefix;
    private final String suffix;
    private final int numShards;
    private final String shardTemplate;
    private final String header;
    private final String footer;
    private final boolean windowedWrites;

    private Write(String filenamePrefix, String suffix, int numShards, String shardTemplate, String header,
        String footer, boolean windowedWrites) {
      this.filenamePrefix = filenamePrefix;
      this.suffix = suffix;
      this.numShards = numShards;
      this.shardTemplate = shardTemplate;
      this.header = header;
      this.footer = footer;
      this.windowedWrites = windowedWrites;
    }

    /**
     * Writes to files whose names start with {@code filenamePrefix} (a path; one ending in
     * {@code /} is a directory, and the names then start with the shard template).
     */
    public Write to(String filenamePrefix) {
      checkArgument(filenamePrefix != null && !filenamePrefix.isEmpty(),
          "TextIO.write().to(): the prefix must not be empty");
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, windowedWrites);
    }

    /** Ends every file name with {@code suffix} (".txt", say); none by default. */
    public Write withSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix");
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, windowedWrites);
    }

    /** Writes exactly {@code numShards} files; 0 (the default) lets the runner decide. */
    public Write withNumShards(int numShards) {
      checkArgument(numShards >= 0, "TextIO.write().withNumShards(%s): the number of shards must be >= 0", numShards);
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, windowedWrites);
    }

    /** Writes one file named {@code prefix + suffix}: one shard and an empty template. */
    public Write withoutSharding() {
      return new Write(filenamePrefix, suffix, 1, "", header, footer, windowedWrites);
    }

    /** Names shards with {@code template}; see {@link ShardNameTemplate}. */
    public Write withShardNameTemplate(String template) {
      return new Write(filenamePrefix, suffix, numShards, Objects.requireNonNull(template, "template"), header,
          footer, windowedWrites);
    }

    /** Writes {@code header} as the first line of every file; null for none (the default). */
    public Write withHeader(String header) {
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, windowedWrites);
    }

    /** Writes {@code footer} as the last line of every file; null for none (the default). */
    public Write withFooter(String footer) {
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, windowedWrites);
    }

    /**
     * Writes each window and pane to its own files, committed exactly once through the runner's
     * transactions (bundles, batches or checkpoints; see {@link WindowedTextSink}). Required for
     * unbounded input, usable on bounded input. Files are named
     * {@code prefix-<window>-pane-<index>[-last]-t<transaction>-s<shard> + suffix} (see
     * {@link WindowedFileNames}); a window and pane may span several files, one per transaction and
     * writer that saw it. Not combinable with {@link #withNumShards}, {@link #withoutSharding} or
     * {@link #withShardNameTemplate}, which the runner's transactions replace.
     */
    public Write withWindowedWrites() {
      return new Write(filenamePrefix, suffix, numShards, shardTemplate, header, footer, true);
    }

    /** Whether this write {@link #withWindowedWrites writes windows and panes to their own files}. */
    public boolean isWindowedWrites() {
      return windowedWrites;
    }

    /** The prefix, or null before {@link #to}. */
    public String getFilenamePrefix() {
      return filenamePrefix;
    }

    public int getNumShards() {
      return numShards;
    }

    /** The shard name template in effect. */
    public String getShardTemplate() {
      return shardTemplate == null ? ShardNameTemplate.INDEX_OF_MAX : shardTemplate;
    }

    @Override
    public PDone expand(PCollection<String> input) {
      if (windowedWrites) {
        return input.apply("WriteWindowed", TransactionalWrite.to(windowedSink()));
      }
      TextWriteConfig config = configFor(input);
      PCollection<String> lines = input;
      if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        // Not a windowed write: every element goes to the same set of files, as in Beam.
        lines = input.apply("RewindowIntoGlobal", Window.<String>into(new GlobalWindows()));
      }
      KvCoder<Integer, String> tempFileCoder = KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of());
      PCollection<KV<Integer, String>> tempFiles;
      if (numShards > 0) {
        tempFiles = lines
            .apply("AssignShards", ParDo.of(new TextWriteFns.AssignShardFn(numShards)))
            .setCoder(tempFileCoder)
            .apply("GroupByShard", GroupByKey.create())
            .apply("WriteShards", ParDo.of(new TextWriteFns.WriteShardsFn(config)))
            .setCoder(tempFileCoder);
      } else {
        tempFiles = lines.apply("WriteBundles", ParDo.of(new TextWriteFns.WriteBundlesFn(config)))
            .setCoder(tempFileCoder);
      }
      // The commit must see every temporary file, once, at the end: a view in the default strategy
      // holds all of them and is ready only then, whatever trigger the input had (a triggered
      // view would be ready at its first pane and hold only the latest one).
      PCollectionView<List<KV<Integer, String>>> tempFileList = tempFiles
          .apply("UntriggeredTempFiles", Window.<KV<Integer, String>>into(new GlobalWindows())
              .triggering(DefaultTrigger.of())
              .withAllowedLateness(Duration.ZERO)
              .discardingFiredPanes())
          .apply("CollectTempFiles", View.asList());
      input.getPipeline()
          .apply("CommitTrigger", dev.weir.sdk.io.Read.from(new SingletonSource(config.tempDirectory())))
          .apply("Commit", ParDo.of(new TextWriteFns.CommitFn(config, tempFileList)).withSideInputs(tempFileList))
          .setCoder(StringUtf8Coder.of());
      return PDone.in(input.getPipeline());
    }

    /** The exactly-once sink of a windowed write. */
    WindowedTextSink windowedSink() {
      checkState(filenamePrefix != null, "TextIO.write() has no output: call .to(\"path/prefix\") on it");
      checkArgument(numShards == 0 && shardTemplate == null,
          "TextIO.write().to(\"%s\").withWindowedWrites() cannot also take withNumShards, withoutSharding or"
              + " withShardNameTemplate: its files are one per window, pane, transaction and writer, named"
              + " prefix-<window>-pane-<index>-t<transaction>-s<shard>. Fix: remove those calls", filenamePrefix);
      return new WindowedTextSink(new WindowedFileNames(filenamePrefix, suffix), header, footer,
          WindowedTextSink.DEFAULT_RETAINED_MANIFESTS);
    }

    private TextWriteConfig configFor(PCollection<String> input) {
      checkState(filenamePrefix != null, "TextIO.write() has no output: call .to(\"path/prefix\") on it");
      checkArgument(input.isBounded() == PCollection.IsBounded.BOUNDED,
          "TextIO.write().to(\"%s\") got the unbounded PCollection '%s', which never ends, so its files would"
              + " never be committed. Fix: add .withWindowedWrites(), which commits each window and pane to its own"
              + " files exactly once", filenamePrefix, input.getName());
      String template = getShardTemplate();
      checkArgument(numShards == 1 || TextWriteConfig.namesEachShard(template),
          "TextIO.write().to(\"%s\"): the shard name template '%s' has no 'S', so all shards would get the same"
              + " name. Fix: call withNumShards(1) or withoutSharding(), or put SSSSS in the template",
          filenamePrefix, template);
      String tempDirectory = TextWriteConfig.outputDirectory(filenamePrefix)
          .resolve(".weir-temp-" + UUID.randomUUID()).toString();
      return new TextWriteConfig(filenamePrefix, template, suffix, header, footer, numShards, tempDirectory);
    }

    @Override
    protected String getKindString() {
      return "TextIO.Write";
    }
  }
}
