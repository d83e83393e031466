package dev.weir.runtime.sources;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * How every runner cuts a bounded source for parallel reading: into parts of about equal estimated
 * size, as many as the runner wants readers, then dealt round-robin to that many readers.
 *
 * <p>The cut depends only on the source, the count asked for and the options, so a runner that
 * keeps read positions per reader across restarts gets the same readers again. Stateless.
 */
public final class BoundedSourceSplits {
  private BoundedSourceSplits() {}

  /**
   * {@code source} split into about {@code parts} parts by estimated size; the source itself when
   * it estimates no size or gives no parts.
   *
   * @throws Exception what the source's size estimate or split throws
   */
  public static <T> List<? extends BoundedSource<T>> split(BoundedSource<T> source, int parts,
      PipelineOptions options) throws Exception {
    checkArgument(parts >= 1, "A source must be split into at least one part, got %s", parts);
    long size = source.getEstimatedSizeBytes(options);
    if (size <= 0) {
      return List.of(source);
    }
    List<? extends BoundedSource<T>> split = source.split(Math.max(1, size / parts), options);
    return split.isEmpty() ? List.of(source) : split;
  }

  /**
   * {@code source} split into about {@code readers} parts and dealt round-robin into at most
   * {@code readers} lists, one per reader, each in the order of the split.
   *
   * @throws Exception what the source's size estimate or split throws
   */
  public static <T> List<List<BoundedSource<T>>> dealt(BoundedSource<T> source, int readers,
      PipelineOptions options) throws Exception {
    List<? extends BoundedSource<T>> split = split(source, readers, options);
    List<List<BoundedSource<T>>> dealt = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      if (i < readers) {
        dealt.add(new ArrayList<>());
      }
      dealt.get(i % readers).add(split.get(i));
    }
    return dealt;
  }
}
