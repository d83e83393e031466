package dev.weir.io;

/**
 * Common shard name templates for file sinks, as Beam's {@code ShardNameTemplate}.
 *
 * <p>In a template, a run of {@code S} is replaced by the shard index and a run of {@code N} by the
 * number of shards, each zero-padded to the run's length; other characters are kept. The final file
 * name is {@code prefix + template + suffix}: with prefix {@code out/counts}, template
 * {@link #INDEX_OF_MAX} and suffix {@code .txt}, shard 2 of 3 is {@code out/counts-00002-of-00003.txt}.
 */
public final class ShardNameTemplate {
  /** {@code -SSSSS-of-NNNNN}: the default. */
  public static final String INDEX_OF_MAX = "-SSSSS-of-NNNNN";

  /** {@code /part-SSSSS}: the prefix names a directory holding the shards. */
  public static final String DIRECTORY_CONTAINER = "/part-SSSSS";

  private ShardNameTemplate() {}
}
