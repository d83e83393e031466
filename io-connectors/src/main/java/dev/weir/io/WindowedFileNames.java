package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * How {@code TextIO.write().withWindowedWrites()} names its files, and where it keeps what is not
 * yet committed.
 *
 * <p>A file is named {@code prefix-W-P-tT-sS + suffix}, for example
 * {@code out/avg-2023-11-14T22:13:00.000Z-2023-11-14T22:14:00.000Z-pane-0-last-t7-s00000.json}:
 * <ul>
 *   <li>{@code W}: the window, as {@code start-end} in ISO-8601 UTC for an {@link IntervalWindow},
 *       {@code global} for the global window, else the window's {@code toString()} with
 *       {@code /} replaced by {@code _};
 *   <li>{@code P}: the pane, {@code pane-<index>}, with {@code -last} for the final pane, as Beam;
 *   <li>{@code tT}: the transaction that wrote it (a bundle, batch or checkpoint id);
 *   <li>{@code sS}: the shard (parallel writer) within the transaction, five digits.
 * </ul>
 * A prefix ending in {@code /} is a directory, and names then start with {@code W}. The
 * transaction and shard make every name unique within a run, so files never overwrite each other;
 * a new run that writes the same transaction again over the same prefix replaces its files, as a
 * rerun of a Beam pipeline does.
 *
 * <p>The temporary directory, {@code <output dir>/.weir-sink-<name>-<hash>} where {@code name} is
 * the prefix's last element and {@code hash} is derived from the absolute prefix and suffix, is the
 * same for every run of the same output, so a restarted JVM finds what an earlier one left there.
 *
 * @param filenamePrefix what every file name starts with (a path)
 * @param suffix what every file name ends with
 */
record WindowedFileNames(String filenamePrefix, String suffix) implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  WindowedFileNames {
    checkArgument(filenamePrefix != null && !filenamePrefix.isEmpty(), "the prefix must not be empty");
    checkArgument(suffix != null, "the suffix must not be null");
  }

  /** The final path of what shard {@code shard} of transaction {@code transactionId} wrote in a window and pane. */
  Path fileFor(BoundedWindow window, PaneInfo pane, long transactionId, int shard) {
    StringBuilder name = new StringBuilder(filenamePrefix);
    if (!filenamePrefix.endsWith("/")) {
      name.append('-');
    }
    name.append(windowPart(window)).append("-pane-").append(pane.getIndex());
    if (pane.isLast()) {
      name.append("-last");
    }
    name.append("-t").append(transactionId).append("-s").append(String.format("%05d", shard)).append(suffix);
    return Paths.get(name.toString()).toAbsolutePath().normalize();
  }

  /** The directory holding temporary files and commit manifests; stable across runs. */
  Path temporaryDirectory() {
    Path directory = TextWriteConfig.outputDirectory(filenamePrefix);
    String absolute = Paths.get(filenamePrefix).toAbsolutePath().normalize() + (filenamePrefix.endsWith("/") ? "/" : "");
    String hash = Hashing.sha256().hashString(absolute + '\0' + suffix, StandardCharsets.UTF_8).toString()
        .substring(0, 12);
    String base = filenamePrefix.endsWith("/") ? "" : Paths.get(filenamePrefix).getFileName() + "-";
    return directory.resolve(".weir-sink-" + base + hash);
  }

  private static String windowPart(BoundedWindow window) {
    if (window instanceof GlobalWindow) {
      return "global";
    }
    if (window instanceof IntervalWindow interval) {
      return interval.start() + "-" + interval.end();
    }
    return window.toString().replace('/', '_');
  }
}
