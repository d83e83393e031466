/**
 * Coders: how elements become bytes and back, and how a coder is found for a Java type, as in
 * Beam's {@code org.apache.beam.sdk.coders}.
 *
 * <p>Public API: {@link dev.weir.sdk.coders.Coder} and its bases ({@link
 * dev.weir.sdk.coders.AtomicCoder}, {@link dev.weir.sdk.coders.StructuredCoder}, {@link
 * dev.weir.sdk.coders.CustomCoder}, {@link dev.weir.sdk.coders.IterableLikeCoder}), the standard
 * coders, {@link dev.weir.sdk.coders.CoderRegistry}, {@link dev.weir.sdk.coders.CoderProvider},
 * {@link dev.weir.sdk.coders.CoderProviders}, {@link dev.weir.sdk.coders.CoderProviderRegistrar},
 * {@link dev.weir.sdk.coders.DefaultCoder} and the exceptions. Package-private classes are
 * internal.
 *
 * <p>Encodings (every one self-delimiting, so coders nest without framing):
 *
 * <ul>
 *   <li>varint: unsigned, 7 bits per byte, least significant group first ({@code VarIntCoder},
 *       {@code VarLongCoder}, {@code DurationCoder}, and every length or count below);
 *   <li>{@code String}, {@code byte[]}, {@code BigInteger}: varint byte count, then the bytes
 *       (UTF-8; raw; two's complement); {@code BigDecimal}: varint scale, then the unscaled
 *       {@code BigInteger};
 *   <li>fixed width, most significant byte first: {@code BigEndianIntegerCoder} (4), {@code
 *       BigEndianLongCoder} (8), {@code DoubleCoder} (8), {@code FloatCoder} (4), {@code
 *       InstantCoder} (8, epoch millis with the sign bit flipped so encodings sort in time
 *       order); {@code BooleanCoder} and {@code ByteCoder}: one byte; {@code VoidCoder}: none;
 *   <li>{@code KvCoder}: key then value; {@code NullableCoder}: a 0 (null) or 1 (present) byte,
 *       then the value; {@code TimestampedValueCoder}: value then instant;
 *   <li>iterables, collections, lists, sets: varint element count, then the elements in
 *       iteration order; {@code MapCoder}: varint entry count, then key and value of each entry;
 *   <li>{@code SerializableCoder}: varint byte count, then the Java serialization stream.
 * </ul>
 *
 * <p>Where Weir differs from Beam, and why:
 *
 * <ul>
 *   <li>Byte formats are Weir's own (for example a varint count before an iterable where Beam
 *       writes a 4-byte count or blocks): Weir never exchanges bytes with Beam, and the varint
 *       form is shorter and independent of the iterable's class.
 *   <li>{@code SerializableCoder} length-prefixes its bytes, because an {@code ObjectInputStream}
 *       may read past the end of the object it decodes.
 *   <li>{@code SetCoder} and {@code MapCoder} give structural values that are sets and maps, so
 *       equal sets or maps compare equal whatever their iteration order; they are not consistent
 *       with equals, since their encodings do depend on that order. Determinism verdicts follow
 *       Beam exactly (floating point, iterables, collections, sets, maps and Java serialization
 *       are not deterministic).
 *   <li>The registry's standard types also cover joda {@code Duration}, {@code BigInteger},
 *       {@code BigDecimal} and {@code Collection}, which Beam leaves to the Java-serialization
 *       fallback.
 *   <li>When inferring an output coder from an input coder, a {@code NullableCoder} around the
 *       input's coder is seen through, so its components still bind the input's type variables.
 *   <li>{@code Coder.Context} and the byte-size observers are not part of Weir's {@code Coder}.
 * </ul>
 */
package dev.weir.sdk.coders;
