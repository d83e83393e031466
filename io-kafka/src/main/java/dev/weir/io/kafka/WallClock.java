package dev.weir.io.kafka;

import java.io.Serializable;
import org.joda.time.Instant;

/**
 * The wall clock the Kafka reader gives its timestamp policy and partition discovery, so that
 * tests can move time by hand. Serializable (it travels with the source) and thread-safe.
 */
interface WallClock extends Serializable {
  /** The system clock. */
  WallClock SYSTEM = Instant::now;

  /** The current time. */
  Instant now();
}
