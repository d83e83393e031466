package dev.weir.runtime.triggers;

import org.joda.time.Instant;

/** The clocks a processing-time trigger can wait on. */
enum ClockDomain {
  PROCESSING_TIME {
    @Override
    Instant read(TriggerTime time) {
      return time.processingTime();
    }
  },
  SYNCHRONIZED_PROCESSING_TIME {
    @Override
    Instant read(TriggerTime time) {
      return time.synchronizedProcessingTime();
    }
  };

  /** This clock's current value, or null where the runner does not know it. */
  abstract Instant read(TriggerTime time);
}
