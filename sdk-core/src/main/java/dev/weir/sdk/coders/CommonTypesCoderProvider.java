package dev.weir.sdk.coders;

import com.google.common.collect.ImmutableMap;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Provides the standard coder of each common Java, joda-time and Weir type, matched by exact raw
 * class (so {@code List<T>} gets a {@link ListCoder} but {@code ArrayList<T>} does not). Stateless
 * and thread-safe.
 */
final class CommonTypesCoderProvider extends CoderProvider {
  private final Map<Class<?>, CoderProvider> byClass;

  CommonTypesCoderProvider() {
    ImmutableMap.Builder<Class<?>, CoderProvider> builder = ImmutableMap.builder();
    add(builder, Boolean.class, BooleanCoder.class);
    add(builder, Byte.class, ByteCoder.class);
    add(builder, Integer.class, VarIntCoder.class);
    add(builder, Long.class, VarLongCoder.class);
    add(builder, Float.class, FloatCoder.class);
    add(builder, Double.class, DoubleCoder.class);
    add(builder, String.class, StringUtf8Coder.class);
    add(builder, byte[].class, ByteArrayCoder.class);
    add(builder, Void.class, VoidCoder.class);
    add(builder, BigInteger.class, BigIntegerCoder.class);
    add(builder, BigDecimal.class, BigDecimalCoder.class);
    add(builder, Instant.class, InstantCoder.class);
    add(builder, Duration.class, DurationCoder.class);
    add(builder, KV.class, KvCoder.class);
    add(builder, Iterable.class, IterableCoder.class);
    add(builder, Collection.class, CollectionCoder.class);
    add(builder, List.class, ListCoder.class);
    add(builder, Set.class, SetCoder.class);
    add(builder, Map.class, MapCoder.class);
    add(builder, TimestampedValue.class, TimestampedValue.TimestampedValueCoder.class);
    byClass = builder.build();
  }

  private static void add(ImmutableMap.Builder<Class<?>, CoderProvider> builder, Class<?> type, Class<?> coderClass) {
    builder.put(type, CoderProviders.fromStaticMethods(type, coderClass));
  }

  @Override
  public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
      throws CannotProvideCoderException {
    CoderProvider provider = byClass.get(type.getRawType());
    if (provider == null) {
      throw new CannotProvideCoderException(type + " is not one of the common types with a standard coder");
    }
    return provider.coderFor(type, componentCoders);
  }

  @Override
  public String toString() {
    return "the standard coders of common types";
  }
}
