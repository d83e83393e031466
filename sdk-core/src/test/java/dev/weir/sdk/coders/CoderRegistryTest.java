package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CannotProvideCoderException.ReasonCode;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoderRegistryTest {
  /** A class with no coder: not serializable, not annotated, not registered. */
  static final class Foo {}

  record SerializablePoint(int x, int y) implements Serializable {}

  private final CoderRegistry registry = CoderRegistry.createDefault();

  static Stream<Arguments> commonClasses() {
    return Stream.of(
        Arguments.of(String.class, StringUtf8Coder.of()),
        Arguments.of(Integer.class, VarIntCoder.of()),
        Arguments.of(Long.class, VarLongCoder.of()),
        Arguments.of(Double.class, DoubleCoder.of()),
        Arguments.of(Float.class, FloatCoder.of()),
        Arguments.of(Boolean.class, BooleanCoder.of()),
        Arguments.of(Byte.class, ByteCoder.of()),
        Arguments.of(byte[].class, ByteArrayCoder.of()),
        Arguments.of(Void.class, VoidCoder.of()),
        Arguments.of(Instant.class, InstantCoder.of()),
        Arguments.of(Duration.class, DurationCoder.of()),
        Arguments.of(BigInteger.class, BigIntegerCoder.of()),
        Arguments.of(BigDecimal.class, BigDecimalCoder.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commonClasses")
  void providesTheStandardCoderOfEachCommonClass(Class<?> type, Coder<?> expected) throws Exception {
    assertSame(expected, registry.getCoder(type));
  }

  @Test
  void buildsCodersForNestedGenericTypesFromTheirComponents() throws Exception {
    Coder<KV<String, List<Map<Integer, Set<Long>>>>> coder =
        registry.getCoder(new TypeDescriptor<KV<String, List<Map<Integer, Set<Long>>>>>() {});
    assertEquals(
        KvCoder.of(StringUtf8Coder.of(), ListCoder.of(MapCoder.of(VarIntCoder.of(), SetCoder.of(VarLongCoder.of())))),
        coder);
  }

  @Test
  void providesIterableCollectionAndTimestampedValueCoders() throws Exception {
    assertEquals(IterableCoder.of(StringUtf8Coder.of()), registry.getCoder(new TypeDescriptor<Iterable<String>>() {}));
    assertEquals(CollectionCoder.of(VarIntCoder.of()), registry.getCoder(new TypeDescriptor<Collection<Integer>>() {}));
    assertEquals(TimestampedValue.TimestampedValueCoder.of(KvCoder.of(StringUtf8Coder.of(), InstantCoder.of())),
        registry.getCoder(new TypeDescriptor<TimestampedValue<KV<String, Instant>>>() {}));
  }

  @Test
  void aCoderRegisteredForAClassWinsOverTheStandardOneAlsoInsideGenerics() throws Exception {
    registry.registerCoderForClass(Integer.class, BigEndianIntegerCoder.of());
    assertSame(BigEndianIntegerCoder.of(), registry.getCoder(Integer.class));
    assertEquals(KvCoder.of(StringUtf8Coder.of(), BigEndianIntegerCoder.of()),
        registry.getCoder(new TypeDescriptor<KV<String, Integer>>() {}));
  }

  @Test
  void theLatestRegistrationWins() throws Exception {
    registry.registerCoderForClass(Long.class, BigEndianLongCoder.of());
    registry.registerCoderForClass(Long.class, VarLongCoder.of());
    assertSame(VarLongCoder.of(), registry.getCoder(Long.class));
  }

  @Test
  void aCoderRegisteredForAParameterizedTypeAppliesToExactlyThatType() throws Exception {
    Coder<List<String>> custom = ListCoder.of(NullableCoder.of(StringUtf8Coder.of()));
    registry.registerCoderForType(new TypeDescriptor<List<String>>() {}, custom);
    assertSame(custom, registry.getCoder(new TypeDescriptor<List<String>>() {}));
    assertEquals(ListCoder.of(VarIntCoder.of()), registry.getCoder(new TypeDescriptor<List<Integer>>() {}));
  }

  @Test
  void aRegisteredProviderIsAskedBeforeTheStandardOnes() throws Exception {
    registry.registerCoderProvider(CoderProviders.fromStaticMethods(List.class, IterableLikeListCoder.class));
    assertEquals(IterableLikeListCoder.of(VarIntCoder.of()), registry.getCoder(new TypeDescriptor<List<Integer>>() {}));
  }

  @Test
  void registrationsOnOneRegistryDoNotAffectAnother() throws Exception {
    registry.registerCoderForClass(String.class, SerializableCoder.of(String.class));
    assertSame(StringUtf8Coder.of(), CoderRegistry.createDefault().getCoder(String.class));
  }

  @Test
  void fallsBackToSerializableCoderForASerializableClass() throws Exception {
    assertEquals(SerializableCoder.of(SerializablePoint.class), registry.getCoder(SerializablePoint.class));
  }

  @Test
  void failsForAClassWithoutACoderNamingItAndTheFixes() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class, () -> registry.getCoder(Foo.class));
    assertEquals("Cannot provide coder for Foo: register one with"
        + " pipeline.getCoderRegistry().registerCoderForClass(Foo.class, coder), annotate the class with"
        + " @DefaultCoder, or call setCoder on the PCollection", e.getMessage());
    assertEquals(ReasonCode.UNKNOWN, e.getReason());
  }

  @Test
  void failsForAGenericTypeNamingTheComponentWithoutACoder() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(new TypeDescriptor<KV<String, Foo>>() {}));
    assertEquals("Cannot provide coder for KV<String, Foo>: no coder for Foo: register one with"
        + " pipeline.getCoderRegistry().registerCoderForClass(Foo.class, coder), annotate the class with"
        + " @DefaultCoder, or call setCoder on the PCollection", e.getMessage());
  }

  @Test
  void failsForADeeplyNestedComponentNamingIt() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(new TypeDescriptor<List<KV<Map<String, Foo>, Long>>>() {}));
    assertTrue(e.getMessage().startsWith("Cannot provide coder for List<KV<Map<String, Foo>, Long>>: no coder for"
        + " Foo: register one with pipeline.getCoderRegistry().registerCoderForClass(Foo.class, coder)"),
        e.getMessage());
  }

  @Test
  void keepsEachProvidersRefusalAsASuppressedException() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class, () -> registry.getCoder(Foo.class));
    assertTrue(Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().contains("does not implement Serializable")),
        Arrays.toString(e.getSuppressed()));
  }

  @Test
  void failsForAGenericClassWithoutTypeArgumentsExplainingErasure() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class, () -> registry.getCoder(Map.class));
    assertTrue(e.getMessage().startsWith("Cannot provide coder for Map: Map is generic and its type arguments are"
        + " unknown here"), e.getMessage());
    assertEquals(ReasonCode.TYPE_ERASURE, e.getReason());
  }

  @Test
  void failsForAnUnboundTypeVariableExplainingErasure() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(Generic.listOfT()));
    assertTrue(e.getMessage().startsWith("Cannot provide coder for List<T>: no coder for T: T is a type variable whose"
        + " actual type is erased at run time"), e.getMessage());
    assertEquals(ReasonCode.TYPE_ERASURE, e.getReason());
  }

  @Test
  void failsForAWildcardType() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(new TypeDescriptor<List<? extends Number>>() {}));
    assertTrue(e.getMessage().startsWith("Cannot provide coder for List<? extends Number>: no coder for ? extends"
        + " Number: ? extends Number is a wildcard type"), e.getMessage());
  }

  /** Type variables of a generic class, for the inference tests. */
  static final class Generic<K, V> {
    static <T> TypeDescriptor<List<T>> listOfT() {
      return new TypeDescriptor<List<T>>() {};
    }

    TypeDescriptor<KV<K, V>> kv() {
      return new TypeDescriptor<KV<K, V>>() {};
    }

    TypeDescriptor<KV<V, K>> swapped() {
      return new TypeDescriptor<KV<V, K>>() {};
    }

    TypeDescriptor<KV<K, K>> keyTwice() {
      return new TypeDescriptor<KV<K, K>>() {};
    }

    TypeDescriptor<K> key() {
      return new TypeDescriptor<K>() {};
    }

    TypeDescriptor<V> value() {
      return new TypeDescriptor<V>() {};
    }

    TypeDescriptor<List<V>> listOfValues() {
      return new TypeDescriptor<List<V>>() {};
    }
  }

  @Test
  void infersAnOutputCoderFromTheInputCoderThroughTypeVariables() throws Exception {
    Generic<Object, Object> g = new Generic<>();
    KvCoder<Object, Object> input = KvCoder.of(castedStringCoder(), castedBytesCoder());
    assertEquals(KvCoder.of(ByteArrayCoder.of(), StringUtf8Coder.of()), registry.getCoder(g.swapped(), g.kv(), input));
  }

  @Test
  void buildsGenericOutputTypesAroundAnInferredVariable() throws Exception {
    Generic<Object, Object> g = new Generic<>();
    KvCoder<Object, Object> input = KvCoder.of(castedStringCoder(), castedBytesCoder());
    assertEquals(ListCoder.of(ByteArrayCoder.of()), registry.getCoder(g.listOfValues(), g.kv(), input));
  }

  @Test
  void seesThroughANullableInputCoder() throws Exception {
    Generic<Object, Object> g = new Generic<>();
    Coder<KV<Object, Object>> input = NullableCoder.of(KvCoder.of(castedStringCoder(), castedBytesCoder()));
    assertSame(ByteArrayCoder.of(), registry.getCoder(g.value(), g.kv(), input));
  }

  @Test
  void usesTheInputCoderForAConcreteClassTheInputTypeMentions() throws Exception {
    Coder<String> custom = NullableCoder.of(StringUtf8Coder.of());
    assertEquals(KvCoder.of(custom, VarIntCoder.of()),
        registry.getCoder(new TypeDescriptor<KV<String, Integer>>() {}, TypeDescriptor.of(String.class), custom));
  }

  @Test
  void failsWhenInputCodersBindAVariableToDifferentCoders() {
    Generic<Object, Object> g = new Generic<>();
    KvCoder<Object, Object> input = KvCoder.of(castedStringCoder(), castedBytesCoder());
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(g.key(), g.keyTwice(), input));
    assertTrue(e.getMessage().contains("several different coders"), e.getMessage());
    assertEquals(ReasonCode.OVER_SPECIFIED, e.getReason());
  }

  /** Stands for a CombineFn: the accumulator type is derived from the input type. */
  abstract static class Fn<InputT, AccumT, OutputT> {}

  static final class ListAccumulating<T> extends Fn<T, List<T>, T> {}

  static final class Summing extends Fn<Integer, Long, Integer> {}

  @SuppressWarnings("rawtypes")
  static final class RawFn extends Fn {}

  @Test
  void infersATypeArgumentOfASuperclassFromKnownCoders() throws Exception {
    Map<Type, Coder<?>> known = Map.of(Fn.class.getTypeParameters()[0], VarLongCoder.of());
    Coder<?> accumulator = registry.getCoder(ListAccumulating.class, Fn.class, known, Fn.class.getTypeParameters()[1]);
    assertEquals(ListCoder.of(VarLongCoder.of()), accumulator);
  }

  @Test
  void infersAConcreteTypeArgumentOfASuperclass() throws Exception {
    Coder<?> accumulator = registry.getCoder(Summing.class, Fn.class, Map.of(), Fn.class.getTypeParameters()[1]);
    assertSame(VarLongCoder.of(), accumulator);
  }

  @Test
  void failsForASubclassOfTheRawSuperclassExplainingErasure() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> registry.getCoder(RawFn.class, Fn.class, Map.of(), Fn.class.getTypeParameters()[1]));
    assertTrue(e.getMessage().contains("extends the raw type Fn"), e.getMessage());
    assertEquals(ReasonCode.TYPE_ERASURE, e.getReason());
  }

  @SuppressWarnings("unchecked")
  private static Coder<Object> castedStringCoder() {
    return (Coder<Object>) (Coder<?>) StringUtf8Coder.of();
  }

  @SuppressWarnings("unchecked")
  private static Coder<Object> castedBytesCoder() {
    return (Coder<Object>) (Coder<?>) ByteArrayCoder.of();
  }

  /** A stand-in list coder, to tell a registered provider's coder apart from the standard one. */
  static final class IterableLikeListCoder<T> extends IterableLikeCoder<T, List<T>> {
    private IterableLikeListCoder(Coder<T> elementCoder) {
      super(elementCoder, "List");
    }

    public static <T> IterableLikeListCoder<T> of(Coder<T> elementCoder) {
      return new IterableLikeListCoder<>(elementCoder);
    }

    @Override
    protected List<T> decodeToIterable(List<T> elements) {
      return elements;
    }
  }
}
