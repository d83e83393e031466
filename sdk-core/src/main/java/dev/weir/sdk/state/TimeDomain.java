package dev.weir.sdk.state;

/** The clock a {@link Timer} is set against. */
public enum TimeDomain {
  /**
   * Event time: the timer fires when the input watermark of its step passes the timer's
   * timestamp. Holds the output watermark at the timer's output timestamp until then.
   */
  EVENT_TIME,

  /** Processing time: the timer fires when the runner's clock passes the timer's timestamp. */
  PROCESSING_TIME,

  /**
   * Synchronized processing time: like processing time, but the runner advances it only as far
   * as the processing time at which all upstream data was produced. Used by processing-time
   * triggers downstream of a grouping.
   */
  SYNCHRONIZED_PROCESSING_TIME
}
