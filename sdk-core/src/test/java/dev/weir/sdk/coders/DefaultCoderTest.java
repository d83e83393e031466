package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCoderTest {
  @DefaultCoder(EventCoder.class)
  static class Event implements Serializable {
    final String id;

    Event(String id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Event && ((Event) o).id.equals(id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  static class SubEvent extends Event {
    SubEvent(String id) {
      super(id);
    }
  }

  static final class EventCoder extends CustomCoder<Event> {
    private static final EventCoder INSTANCE = new EventCoder();

    public static EventCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Event value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.id, out);
    }

    @Override
    public Event decode(InputStream in) throws IOException {
      return new Event(StringUtf8Coder.of().decode(in));
    }
  }

  @DefaultCoder(SerializableCoder.class)
  record Reading(double value) implements Serializable {}

  @DefaultCoder(SerializableCoder.class)
  static final class NotSerializable {}

  @DefaultCoder(NamedCoder.class)
  static final class Named {}

  /** A coder whose factory takes the annotated class, as {@code of(Class)}. */
  static final class NamedCoder extends CustomCoder<Object> {
    final Class<?> type;

    private NamedCoder(Class<?> type) {
      this.type = type;
    }

    public static NamedCoder of(Class<?> type) {
      return new NamedCoder(type);
    }

    @Override
    public void encode(Object value, OutputStream out) {}

    @Override
    public Object decode(InputStream in) {
      return null;
    }
  }

  @DefaultCoder(BoxCoder.class)
  record Box<T>(T content) {}

  /** A generic coder: the registry passes it the coder of the type argument. */
  static final class BoxCoder<T> extends StructuredCoder<Box<T>> {
    private final Coder<T> contentCoder;

    private BoxCoder(Coder<T> contentCoder) {
      this.contentCoder = contentCoder;
    }

    public static <T> BoxCoder<T> of(Coder<T> contentCoder) {
      return new BoxCoder<>(contentCoder);
    }

    @Override
    public void encode(Box<T> value, OutputStream out) throws IOException {
      contentCoder.encode(value.content(), out);
    }

    @Override
    public Box<T> decode(InputStream in) throws IOException {
      return new Box<>(contentCoder.decode(in));
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(contentCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      verifyDeterministic(this, "the content coder must be deterministic", contentCoder);
    }
  }

  @DefaultCoder(NoFactoryCoder.class)
  static final class Unusable {}

  static final class NoFactoryCoder extends CustomCoder<Unusable> {
    @Override
    public void encode(Unusable value, OutputStream out) {}

    @Override
    public Unusable decode(InputStream in) {
      return new Unusable();
    }
  }

  private final CoderRegistry registry = CoderRegistry.createDefault();

  @Test
  void usesTheAnnotatedCoderThroughItsOfMethod() throws Exception {
    Coder<Event> coder = registry.getCoder(Event.class);
    assertSame(EventCoder.of(), coder);
    CoderProperties.coderDecodeEncodeEqual(coder, new Event("e-1"));
  }

  @Test
  void winsOverTheSerializableFallback() throws Exception {
    assertInstanceOf(EventCoder.class, registry.getCoder(Event.class));
  }

  @Test
  void losesToACoderRegisteredForTheClass() throws Exception {
    Coder<Event> registered = SerializableCoder.of(Event.class);
    registry.registerCoderForClass(Event.class, registered);
    assertSame(registered, registry.getCoder(Event.class));
  }

  @Test
  void usesACoderProviderOfTheAnnotatedCoderClass() throws Exception {
    assertEquals(SerializableCoder.of(Reading.class), registry.getCoder(Reading.class));
  }

  @Test
  void passesTheAnnotatedClassToAnOfClassFactory() throws Exception {
    Coder<Named> coder = registry.getCoder(Named.class);
    assertSame(Named.class, ((NamedCoder) (Coder<?>) coder).type);
  }

  @Test
  void buildsAGenericAnnotatedCoderFromTheTypeArgumentsCoders() throws Exception {
    Coder<Box<String>> coder = registry.getCoder(new TypeDescriptor<Box<String>>() {});
    assertEquals(BoxCoder.of(StringUtf8Coder.of()), coder);
    CoderProperties.coderDecodeEncodeEqual(coder, new Box<>("inside"));
  }

  @Test
  void isNotInheritedBySubclasses() throws Exception {
    assertEquals(SerializableCoder.of(SubEvent.class), registry.getCoder(SubEvent.class));
  }

  @Test
  void failsWhenTheAnnotatedProviderRefusesTheClass() {
    CannotProvideCoderException e =
        assertThrows(CannotProvideCoderException.class, () -> registry.getCoder(NotSerializable.class));
    assertTrue(e.getMessage().startsWith("Cannot provide coder for NotSerializable: register one with"), e.getMessage());
  }

  @Test
  void failsForACoderClassWithoutAFactoryNamingTheAnnotationAndTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.getCoder(Unusable.class));
    assertTrue(e.getMessage().startsWith("@DefaultCoder(NoFactoryCoder.class) on " + Unusable.class.getName()
        + " cannot be used: NoFactoryCoder needs a static getCoderProvider(), of(Class) or of(Coder...) method"),
        e.getMessage());
  }
}
