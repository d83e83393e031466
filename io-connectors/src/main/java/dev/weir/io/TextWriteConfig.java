package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how one {@code TextIO.write()} application writes: output names, header and footer,
 * shard count, and the temporary directory its shards are written to before the commit.
 *
 * @param filenamePrefix what every output file name starts with
 * @param shardTemplate the shard part of a name; see {@link ShardNameTemplate}
 * @param suffix what every output file name ends with
 * @param header a line written first in every shard, or null
 * @param footer a line written last in every shard, or null
 * @param numShards the number of shards, or 0 to write one shard per bundle
 * @param tempDirectory where shards are written before being renamed into place
 */
record TextWriteConfig(
    String filenamePrefix,
    String shardTemplate,
    String suffix,
    String header,
    String footer,
    int numShards,
    String tempDirectory)
    implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  private static final Pattern SHARD_PLACEHOLDER = Pattern.compile("S+|N+");

  TextWriteConfig {
    checkArgument(numShards >= 0, "numShards must be >= 0, got %s", numShards);
  }

  /** The directory the output files go to: the prefix itself if it ends with '/', else its parent. */
  static Path outputDirectory(String filenamePrefix) {
    Path prefix = Paths.get(filenamePrefix).toAbsolutePath();
    if (filenamePrefix.endsWith("/")) {
      return prefix.normalize();
    }
    return prefix.getParent() == null ? prefix.getRoot() : prefix.getParent().normalize();
  }

  /** Whether the template tells shards apart, that is holds a run of 'S'. */
  static boolean namesEachShard(String shardTemplate) {
    return shardTemplate.contains("S");
  }

  /** The final path of shard {@code index} of {@code count}. */
  Path fileFor(int index, int count) {
    Matcher m = SHARD_PLACEHOLDER.matcher(shardTemplate);
    StringBuilder name = new StringBuilder(filenamePrefix);
    int last = 0;
    while (m.find()) {
      name.append(shardTemplate, last, m.start());
      int value = m.group().charAt(0) == 'S' ? index : count;
      name.append(zeroPadded(value, m.end() - m.start()));
      last = m.end();
    }
    name.append(shardTemplate, last, shardTemplate.length()).append(suffix);
    return Paths.get(name.toString()).toAbsolutePath().normalize();
  }

  private static String zeroPadded(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
