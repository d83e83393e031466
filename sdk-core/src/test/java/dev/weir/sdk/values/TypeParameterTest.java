package dev.weir.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeParameterTest {
  private static <T> TypeParameter<T> parameterOf() {
    return new TypeParameter<T>() {};
  }

  private static <K, V> TypeDescriptor<Map<K, List<V>>> mapsOfLists(TypeDescriptor<K> key, TypeDescriptor<V> value) {
    return new TypeDescriptor<Map<K, List<V>>>() {}.where(new TypeParameter<K>() {}, key)
        .where(new TypeParameter<V>() {}, value);
  }

  @Test
  void capturesTheTypeVariableInScope() {
    assertEquals("T", parameterOf().toString());
  }

  @Test
  void parametersForTheSameVariableAreEqual() {
    assertEquals(parameterOf(), parameterOf());
    assertEquals(parameterOf().hashCode(), parameterOf().hashCode());
  }

  @Test
  void parametersForDifferentVariablesDiffer() {
    class Holder<A, B> {
      TypeParameter<A> a() {
        return new TypeParameter<A>() {};
      }

      TypeParameter<B> b() {
        return new TypeParameter<B>() {};
      }
    }
    Holder<String, String> holder = new Holder<>();
    assertNotEquals(holder.a(), holder.b());
  }

  @Test
  void rejectsAConcreteTypeArgumentNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TypeParameter<String>() {});
    assertTrue(e.getMessage().contains("must capture a type variable"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
  }

  @Test
  void whereSubstitutesEachVariableEverywhereItOccurs() {
    assertEquals(new TypeDescriptor<Map<String, List<Long>>>() {},
        mapsOfLists(TypeDescriptors.strings(), TypeDescriptors.longs()));
  }

  @Test
  void whereLeavesATypeWithoutTheVariableUnchanged() {
    assertEquals(TypeDescriptors.strings(), TypeDescriptors.strings().where(parameterOf(), TypeDescriptors.longs()));
  }

  @Test
  void whereResolvesAllVariablesSoNoneRemainUnresolved() {
    TypeDescriptor<Map<String, List<Long>>> resolved = mapsOfLists(TypeDescriptors.strings(), TypeDescriptors.longs());
    assertFalse(resolved.hasUnresolvedParameters());
  }
}
