package dev.weir.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TypeDescriptorsTest {
  @Test
  void describesTheCommonClasses() {
    assertEquals(new TypeDescriptor<String>() {}, TypeDescriptors.strings());
    assertEquals(new TypeDescriptor<Integer>() {}, TypeDescriptors.integers());
    assertEquals(new TypeDescriptor<Long>() {}, TypeDescriptors.longs());
    assertEquals(new TypeDescriptor<Double>() {}, TypeDescriptors.doubles());
    assertEquals(new TypeDescriptor<Float>() {}, TypeDescriptors.floats());
    assertEquals(new TypeDescriptor<Boolean>() {}, TypeDescriptors.booleans());
    assertEquals(new TypeDescriptor<Short>() {}, TypeDescriptors.shorts());
    assertEquals(new TypeDescriptor<Character>() {}, TypeDescriptors.characters());
    assertEquals(new TypeDescriptor<BigInteger>() {}, TypeDescriptors.bigintegers());
    assertEquals(new TypeDescriptor<BigDecimal>() {}, TypeDescriptors.bigdecimals());
    assertEquals(new TypeDescriptor<Void>() {}, TypeDescriptors.nulls());
    assertEquals(new TypeDescriptor<Void>() {}, TypeDescriptors.voids());
  }

  @Test
  void buildsKvsFromKeyAndValueTypes() {
    assertEquals(new TypeDescriptor<KV<String, Long>>() {},
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()));
  }

  @Test
  void buildsCollectionTypesFromElementTypes() {
    assertEquals(new TypeDescriptor<List<String>>() {}, TypeDescriptors.lists(TypeDescriptors.strings()));
    assertEquals(new TypeDescriptor<Set<Integer>>() {}, TypeDescriptors.sets(TypeDescriptors.integers()));
    assertEquals(new TypeDescriptor<Iterable<Long>>() {}, TypeDescriptors.iterables(TypeDescriptors.longs()));
    assertEquals(new TypeDescriptor<Map<String, Integer>>() {},
        TypeDescriptors.maps(TypeDescriptors.strings(), TypeDescriptors.integers()));
  }

  @Test
  void nestsGenericTypes() {
    assertEquals(new TypeDescriptor<KV<String, Iterable<List<Long>>>>() {},
        TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.iterables(TypeDescriptors.lists(TypeDescriptors.longs()))));
  }

  interface Fn<InputT, OutputT> extends Function<InputT, OutputT>, Serializable {}

  static final class Lengths implements Fn<String, Integer> {
    @Override
    public Integer apply(String s) {
      return s.length();
    }
  }

  private static <InputT, OutputT> TypeDescriptor<OutputT> outputOf(Fn<InputT, OutputT> fn) {
    return TypeDescriptors.extractFromTypeParameters(
        fn, Fn.class, new TypeDescriptors.TypeVariableExtractor<Fn<InputT, OutputT>, OutputT>() {});
  }

  private static <InputT, OutputT> TypeDescriptor<InputT> inputOf(Fn<InputT, OutputT> fn) {
    return TypeDescriptors.extractFromTypeParameters(
        fn, Fn.class, new TypeDescriptors.TypeVariableExtractor<Fn<InputT, OutputT>, InputT>() {});
  }

  @Test
  void extractsTypeArgumentsOfAGenericSupertype() {
    assertEquals(TypeDescriptors.integers(), outputOf(new Lengths()));
    assertEquals(TypeDescriptors.strings(), inputOf(new Lengths()));
  }

  @Test
  void extractsNothingFromALambdaWhoseTypeArgumentsAreErased() {
    Fn<String, Integer> lambda = String::length;
    assertNull(outputOf(lambda));
  }
}
