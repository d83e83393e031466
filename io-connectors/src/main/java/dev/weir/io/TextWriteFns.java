package dev.weir.io;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollectionView;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steps of {@code TextIO.write()}: assign shards, write temporary files, commit. Each DoFn
 * follows the DoFn contract (one thread per instance, no state across bundles that output depends
 * on); temporary files carry random names, so a retried bundle never overwrites another's file.
 */
final class TextWriteFns {
  private TextWriteFns() {}

  /** Keys each line with a shard index, round-robin from a random start, for a fixed shard count. */
  static final class AssignShardFn extends DoFn<String, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    private final int numShards;
    /** The last shard assigned; null until the first element (and after deserialization). */
    private transient Integer last;

    AssignShardFn(int numShards) {
      this.numShards = numShards;
    }

    @ProcessElement
    public void processElement(@Element String line, OutputReceiver<KV<Integer, String>> out) {
      // A random start per instance spreads small inputs over all shards rather than the first.
      last = last == null ? ThreadLocalRandom.current().nextInt(numShards) : (last + 1) % numShards;
      out.output(KV.of(last, line));
    }
  }

  /** Writes each grouped shard to its own temporary file and outputs {@code KV(shard, file)}. */
  static final class WriteShardsFn extends DoFn<KV<Integer, Iterable<String>>, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    private final TextWriteConfig config;

    WriteShardsFn(TextWriteConfig config) {
      this.config = config;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<String>> shard, OutputReceiver<KV<Integer, String>> out) throws IOException {
      TextShardWriter writer = TextShardWriter.open(Paths.get(config.tempDirectory()), config.header());
      try {
        for (String line : shard.getValue()) {
          writer.writeLine(line);
        }
      } catch (RuntimeException e) {
        writer.abort();
        throw e;
      }
      out.output(KV.of(shard.getKey(), writer.finish(config.footer()).toString()));
    }
  }

  /**
   * Writes the lines of each bundle to one temporary file, output as {@code KV(UNKNOWN_SHARD,
   * file)} when the bundle finishes: runner-determined sharding, as Beam's unsharded write.
   */
  static final class WriteBundlesFn extends DoFn<String, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    private final TextWriteConfig config;
    private transient TextShardWriter writer;

    WriteBundlesFn(TextWriteConfig config) {
      this.config = config;
    }

    @StartBundle
    public void startBundle() {
      abandonWriter();
    }

    @ProcessElement
    public void processElement(@Element String line) throws IOException {
      if (writer == null) {
        writer = TextShardWriter.open(Paths.get(config.tempDirectory()), config.header());
      }
      writer.writeLine(line);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      if (writer == null) {
        return;
      }
      TextShardWriter finishing = writer;
      writer = null;
      Path file = finishing.finish(config.footer());
      context.output(
          KV.of(TextWriteCommit.UNKNOWN_SHARD, file.toString()), GlobalWindow.INSTANCE.maxTimestamp(),
          GlobalWindow.INSTANCE);
    }

    @Teardown
    public void teardown() {
      abandonWriter();
    }

    /** Deletes the file of a bundle that failed before finishing, if any. */
    private void abandonWriter() {
      if (writer != null) {
        writer.abort();
        writer = null;
      }
    }
  }

  /**
   * The commit: runs once, on the single element of a {@link SingletonSource}, reads every
   * temporary file written as a side input, and renames them into place (see
   * {@link TextWriteCommit}). Outputs the final file names.
   */
  static final class CommitFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    private final TextWriteConfig config;
    private final PCollectionView<List<KV<Integer, String>>> tempFiles;

    CommitFn(TextWriteConfig config, PCollectionView<List<KV<Integer, String>>> tempFiles) {
      this.config = config;
      this.tempFiles = tempFiles;
    }

    @ProcessElement
    public void processElement(ProcessContext context) throws IOException {
      for (Path file : TextWriteCommit.commit(config, context.sideInput(tempFiles))) {
        context.output(file.toString());
      }
    }
  }
}
