package dev.weir.io;

import java.io.Serializable;
import org.joda.time.Instant;

/**
 * The wall clock a source reads, so that tests can drive time by hand. Implementations are
 * serializable (they travel with the source) and thread-safe.
 */
interface WallClock extends Serializable {
  /** The system clock. */
  WallClock SYSTEM = Instant::now;

  /** The current time. */
  Instant now();
}
