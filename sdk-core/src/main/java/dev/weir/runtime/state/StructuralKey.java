package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.StructuredCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A key of keyed state, compared by its encoding: two keys are the same key exactly when their
 * coder encodes them to the same bytes, whatever their {@code equals} says. The key coder must be
 * deterministic for this to group equal keys.
 *
 * <p>Immutable. Keeps the decoded key for user code ({@code @Key}) and the bytes for identity.
 *
 * @param <K> the type of the key
 */
public final class StructuralKey<K> {
  /** Orders keys by their encodings, unsigned byte by byte: the order snapshots list keys in. */
  static final Comparator<StructuralKey<?>> ENCODED_ORDER = (a, b) -> Arrays.compareUnsigned(a.encoded, b.encoded);

  private final K key;
  private final byte[] encoded;
  private final int hash;

  private StructuralKey(K key, byte[] encoded) {
    this.key = key;
    this.encoded = encoded;
    this.hash = Arrays.hashCode(encoded);
  }

  /**
   * The structural form of {@code key} under {@code coder}.
   *
   * @throws IllegalArgumentException if the coder cannot encode the key
   */
  public static <K> StructuralKey<K> of(K key, Coder<K> coder) {
    try {
      return new StructuralKey<>(key, CoderUtils.encodeToByteArray(coder, key));
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode key " + key + " with its coder " + coder, e);
    }
  }

  /** A coder of structural keys that writes the key with {@code keyCoder}. */
  public static <K> Coder<StructuralKey<K>> coder(Coder<K> keyCoder) {
    return new StructuralKeyCoder<>(keyCoder);
  }

  /** The key as user code sees it. */
  public K getKey() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructuralKey && hash == ((StructuralKey<?>) o).hash
        && Arrays.equals(encoded, ((StructuralKey<?>) o).encoded);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return String.valueOf(key);
  }

  /** Encodes the key with the key's coder; decoding re-encodes it to recover the identity. */
  private static final class StructuralKeyCoder<K> extends StructuredCoder<StructuralKey<K>> {
    private static final long serialVersionUID = 1L;
    private final Coder<K> keyCoder;

    StructuralKeyCoder(Coder<K> keyCoder) {
      this.keyCoder = Objects.requireNonNull(keyCoder, "keyCoder");
    }

    @Override
    public void encode(StructuralKey<K> value, OutputStream out) throws IOException {
      out.write(value.encoded);
    }

    @Override
    public StructuralKey<K> decode(InputStream in) throws IOException {
      return of(keyCoder.decode(in), keyCoder);
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(keyCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      keyCoder.verifyDeterministic();
    }
  }
}
