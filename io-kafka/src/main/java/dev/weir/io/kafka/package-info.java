/**
 * Kafka for Weir pipelines, shaped as Beam's {@code KafkaIO}: {@link dev.weir.io.kafka.KafkaIO#read()}
 * is a replayable unbounded source whose splits are topic partitions and whose checkpoint marks hold
 * per-partition offsets; {@link dev.weir.io.kafka.KafkaIO#write()} writes with an idempotent producer,
 * or exactly once through Kafka transactions driven by the runner's commits.
 */
package dev.weir.io.kafka;
