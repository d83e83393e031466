package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Encodes any {@link Serializable} value with Java serialization, as a varint byte count followed
 * by the serialized bytes. It is the coder of last resort: {@link CoderRegistry} falls back to it
 * (through {@link #getCoderProvider()}, at the lowest priority) for a serializable type that has
 * no other coder. It is slow and its encodings are large; prefer a dedicated coder.
 *
 * <p>Not deterministic: Java serialization may write equal objects differently (hash-based
 * collections, for example). Decoding resolves classes through the record type's class loader
 * first. A null value is rejected. Equal coders have the same record type. Immutable and
 * thread-safe.
 *
 * @param <T> the type of values encoded
 */
public class SerializableCoder<T extends Serializable> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final TypeDescriptor<T> typeDescriptor;

  protected SerializableCoder(Class<T> type, TypeDescriptor<T> typeDescriptor) {
    this.type = type;
    this.typeDescriptor = typeDescriptor;
  }

  /** A coder for values of {@code type} and its subclasses. */
  public static <T extends Serializable> SerializableCoder<T> of(Class<T> type) {
    checkArgument(type != null, "the type of a SerializableCoder must not be null");
    return new SerializableCoder<>(type, TypeDescriptor.of(type));
  }

  /** A coder for values of {@code type}, which may be generic, and its subtypes. */
  public static <T extends Serializable> SerializableCoder<T> of(TypeDescriptor<T> type) {
    checkArgument(type != null, "the type of a SerializableCoder must not be null");
    @SuppressWarnings("unchecked")
    Class<T> rawType = (Class<T>) type.getRawType();
    return new SerializableCoder<>(rawType, type);
  }

  /**
   * A provider of a {@code SerializableCoder} for every type that implements {@link Serializable};
   * for other types it fails, saying so.
   */
  public static CoderProvider getCoderProvider() {
    return new SerializableCoderProvider();
  }

  /** The class of values this coder encodes. */
  public Class<T> getRecordType() {
    return type;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull(type.getSimpleName());
    }
    // Length-prefixed because an ObjectInputStream may read past the end of the object it decodes.
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(buffer)) {
      objects.writeObject(value);
    } catch (IOException e) {
      throw new CoderException("unable to serialize " + type.getName() + " value " + value, e);
    }
    VarInt.encode(buffer.size(), out);
    buffer.writeTo(out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    byte[] bytes = VarInt.readBytes(in, VarInt.decodeLength(in, "serialized length"));
    try (ObjectInputStream objects = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), type)) {
      return type.cast(objects.readObject());
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new CoderException("unable to deserialize a " + type.getName(), e);
    }
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  /** Always throws: Java serialization may encode equal objects differently. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "Java serialization may encode equal objects differently; register a deterministic coder for "
            + type.getName());
  }

  @Override
  public TypeDescriptor<T> getEncodedTypeDescriptor() {
    return typeDescriptor;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && type == ((SerializableCoder<?>) o).type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "SerializableCoder(" + type.getName() + ")";
  }

  /** Resolves classes through the record type's loader, which may not be the caller's. */
  private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
    private final Class<?> type;

    ClassLoaderObjectInputStream(InputStream in, Class<?> type) throws IOException {
      super(in);
      this.type = type;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
      ClassLoader loader = type.getClassLoader();
      if (loader != null) {
        try {
          return Class.forName(description.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // Fall through: the default lookup also knows primitive and platform classes.
        }
      }
      return super.resolveClass(description);
    }
  }

  /** Provides a {@link SerializableCoder} for every serializable type. */
  private static final class SerializableCoderProvider extends CoderProvider {
    @Override
    public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
        throws CannotProvideCoderException {
      if (!Serializable.class.isAssignableFrom(type.getRawType())) {
        throw new CannotProvideCoderException(
            "SerializableCoder does not apply: " + type + " does not implement Serializable");
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      Coder<T> coder = (Coder<T>) SerializableCoder.of((TypeDescriptor) type);
      return coder;
    }

    @Override
    public String toString() {
      return "SerializableCoder.getCoderProvider()";
    }
  }
}
