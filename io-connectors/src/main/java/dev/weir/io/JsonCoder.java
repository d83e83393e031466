package dev.weir.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Encodes values of a Jackson-bindable class as their UTF-8 JSON text (length-prefixed), through
 * the same {@link ObjectMapper} configuration as {@link JsonIO}: the default coder of
 * {@code JsonIO.read(type)} and of {@code JsonIO.readTree()} (with {@code JsonNode.class}).
 *
 * <p><b>Not deterministic</b>: Jackson's output order of object properties and map entries, and the
 * text of numbers, follow the value's class and map implementation, so equal values may encode to
 * different bytes; {@link #verifyDeterministic()} throws. Grouping by such a value as a key needs a
 * deterministic coder: map to a key of a type that has one (a {@code String} field, say) first. A
 * value must survive a JSON round trip for this coder to be correct (Jackson must be able to bind
 * what it wrote). Classes annotated to take class names from JSON are refused as by
 * {@link JsonIO#read(Class)}. Immutable and thread-safe; null is rejected.
 *
 * @param <T> the type of values this coder encodes
 */
public final class JsonCoder<T> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient ObjectMapper mapper;

  private JsonCoder(Class<T> type) {
    this.type = type;
  }

  /** A coder for {@code type}; fails, naming the class, if its Jackson annotations allow polymorphic class ids. */
  public static <T> JsonCoder<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    PolymorphicTypingCheck.rejectClassIds(type, "JsonCoder.of(" + type.getSimpleName() + ".class)");
    return new JsonCoder<>(type);
  }

  private ObjectMapper mapper() {
    // Built on first use rather than serialized with the coder: a mapper's caches are not worth shipping.
    if (mapper == null) {
      mapper = JsonIO.newObjectMapper();
    }
    return mapper;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("JsonCoder(" + type.getName() + ") cannot encode null; wrap it in NullableCoder");
    }
    ByteArrayCoder.of().encode(mapper().writeValueAsBytes(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return mapper().readValue(ByteArrayCoder.of().decode(in), type);
  }

  /** Throws: JSON text is not a canonical form of a value (property order, number formats). */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "JSON text of " + type.getName()
        + " is not canonical: property order and number formats depend on the value's classes; key by a"
        + " field with a deterministic coder instead");
  }

  @Override
  public TypeDescriptor<T> getEncodedTypeDescriptor() {
    return TypeDescriptor.of(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonCoder && ((JsonCoder<?>) o).type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "JsonCoder(" + type.getName() + ")";
  }
}
