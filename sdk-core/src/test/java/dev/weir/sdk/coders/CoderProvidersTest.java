package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CannotProvideCoderException.ReasonCode;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoderProvidersTest {
  static class Thing {}

  static final class AutoValue_Thing extends Thing {}

  static final class OtherThing extends Thing {}

  @Test
  void fromStaticMethodsCallsOfWithTheComponentCoders() throws Exception {
    CoderProvider provider = CoderProviders.fromStaticMethods(KV.class, KvCoder.class);
    Coder<KV<String, Long>> coder =
        provider.coderFor(new TypeDescriptor<KV<String, Long>>() {}, List.of(StringUtf8Coder.of(), VarLongCoder.of()));
    assertEquals(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), coder);
  }

  @Test
  void fromStaticMethodsCallsANoArgumentOfForANonGenericCoder() throws Exception {
    CoderProvider provider = CoderProviders.fromStaticMethods(String.class, StringUtf8Coder.class);
    assertSame(StringUtf8Coder.of(), provider.coderFor(TypeDescriptor.of(String.class), List.of()));
  }

  @Test
  void fromStaticMethodsRefusesOtherRawTypes() {
    CoderProvider provider = CoderProviders.fromStaticMethods(String.class, StringUtf8Coder.class);
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> provider.coderFor(TypeDescriptor.of(Integer.class), List.of()));
    assertTrue(e.getMessage().contains("only for java.lang.String"), e.getMessage());
  }

  @Test
  void fromStaticMethodsReportsMissingTypeArgumentsAsErasure() {
    CoderProvider provider = CoderProviders.fromStaticMethods(KV.class, KvCoder.class);
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> provider.coderFor(TypeDescriptor.of(KV.class), List.of()));
    assertEquals(ReasonCode.TYPE_ERASURE, e.getReason());
    assertTrue(e.getMessage().contains("needs 2 coder(s)"), e.getMessage());
  }

  @Test
  void fromStaticMethodsRejectsAClassThatIsNotACoder() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CoderProviders.fromStaticMethods(String.class, String.class));
    assertEquals("java.lang.String is not a subclass of Coder", e.getMessage());
  }

  @Test
  void fromStaticMethodsRejectsACoderWithoutAMatchingOfMethod() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CoderProviders.fromStaticMethods(String.class, SerializableCoder.class));
    assertTrue(e.getMessage().endsWith("it has no static method SerializableCoder.of with 1 Coder parameter(s)"),
        e.getMessage());
  }

  @Test
  void forCoderProvidesOnlyForTheExactType() throws Exception {
    CoderProvider provider = CoderProviders.forCoder(new TypeDescriptor<List<String>>() {}, ListCoder.of(StringUtf8Coder.of()));
    assertEquals(ListCoder.of(StringUtf8Coder.of()),
        provider.coderFor(new TypeDescriptor<List<String>>() {}, List.of(StringUtf8Coder.of())));
    assertThrows(CannotProvideCoderException.class,
        () -> provider.coderFor(new TypeDescriptor<List<Integer>>() {}, List.of(VarIntCoder.of())));
  }

  @Test
  void forCoderAlsoProvidesForTheAutoValueSubclassButNoOtherSubclass() throws Exception {
    Coder<Thing> coder = SerializableCoderLike.INSTANCE;
    CoderProvider provider = CoderProviders.forCoder(TypeDescriptor.of(Thing.class), coder);
    assertSame(coder, provider.coderFor(TypeDescriptor.of(AutoValue_Thing.class), List.of()));
    assertThrows(CannotProvideCoderException.class,
        () -> provider.coderFor(TypeDescriptor.of(OtherThing.class), List.of()));
  }

  /** Any coder of {@link Thing}; its behaviour does not matter here. */
  static final class SerializableCoderLike extends CustomCoder<Thing> {
    static final SerializableCoderLike INSTANCE = new SerializableCoderLike();

    @Override
    public void encode(Thing value, OutputStream out) {}

    @Override
    public Thing decode(InputStream in) {
      return new Thing();
    }
  }
}
