package dev.weir.io.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.io.TimestampPolicy;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import java.util.List;
import org.apache.kafka.common.record.TimestampType;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The connector's coders: every field survives, nulls and missing timestamps included. */
class KafkaCodersTest {
  private static <T> T roundTrip(Coder<T> coder, T value) throws CoderException {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }

  @Test
  void recordsKeepEveryFieldIncludingNullKeysAndMissingTimestamps() throws Exception {
    KafkaRecordCoder<String, Integer> coder = KafkaRecordCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
    KafkaRecord<String, Integer> full = new KafkaRecord<>("t", 3, 42, 1700000000000L, TimestampType.LOG_APPEND_TIME, "k", 7);
    KafkaRecord<String, Integer> bare = new KafkaRecord<>("t", 0, 0, -1, TimestampType.NO_TIMESTAMP_TYPE, null, null);

    assertEquals(full, roundTrip(coder, full));
    assertEquals(bare, roundTrip(coder, bare));
  }

  @Test
  void deadLettersKeepTheirRawBytes() throws Exception {
    KafkaDeadLetter letter = new KafkaDeadLetter("t", 1, 9, -1, null, new byte[] {1, 2, 3}, "bad");

    KafkaDeadLetter decoded = roundTrip(KafkaDeadLetterCoder.of(), letter);

    assertEquals(letter, decoded);
    assertArrayEquals(new byte[] {1, 2, 3}, decoded.value());
  }

  @Test
  void checkpointMarksKeepOffsetsStopOffsetsAndPolicyState() throws Exception {
    TimestampPolicy.State state = new TimestampPolicy.State(new Instant(5), new Instant(6), new Instant(4));
    KafkaCheckpointMark mark = new KafkaCheckpointMark(List.of(
        new KafkaCheckpointMark.PartitionMark("a", 0, 17, -1, state),
        new KafkaCheckpointMark.PartitionMark("b", 2, 0, 30, state)), null);

    assertEquals(mark, roundTrip(new KafkaCheckpointMark.MarkCoder(), mark));
  }

  @Test
  void refusesACheckpointMarkOfAnotherFormatVersion() throws Exception {
    byte[] versionTwo = CoderUtils.encodeToByteArray(VarIntCoder.of(), 2);

    CoderException e = assertThrows(CoderException.class,
        () -> CoderUtils.decodeFromByteArray(new KafkaCheckpointMark.MarkCoder(), versionTwo));

    assertThat(e.getMessage(), containsString("format version 2"));
  }

  @Test
  void shardRecordsKeepEveryRecordInOrder() throws Exception {
    ShardRecords records = new ShardRecords(3, List.of(
        new ShardRecords.Entry(null, new byte[] {1}, -1), new ShardRecords.Entry(new byte[] {2}, null, 99)));

    ShardRecords decoded = roundTrip(new ShardRecords.ShardRecordsCoder(), records);

    assertEquals(3, decoded.shard());
    assertEquals(2, decoded.records().size());
    assertArrayEquals(new byte[] {1}, decoded.records().get(0).value());
    assertEquals(-1, decoded.records().get(0).timestamp());
    assertArrayEquals(new byte[] {2}, decoded.records().get(1).key());
    assertEquals(99, decoded.records().get(1).timestamp());
  }
}
