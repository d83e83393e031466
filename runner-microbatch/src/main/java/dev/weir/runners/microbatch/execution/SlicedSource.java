package dev.weir.runners.microbatch.execution;

import java.util.List;

/**
 * A source whose planned batch is read in tasks on the workers, one per share of the source, as
 * Spark's tasks read their partitions: planning only fixes each share's range, and each task
 * pushes the records it reads straight into the chain fused after the source.
 */
public interface SlicedSource {
  /** One feed per share of the source with records planned in the batch; each is read once, on a worker. */
  List<SliceFeed> slices();
}
