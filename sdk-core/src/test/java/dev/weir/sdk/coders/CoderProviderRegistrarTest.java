package dev.weir.sdk.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registrars listed in {@code META-INF/services} contribute providers to every default registry;
 * this test's registrar is listed in the test resources.
 */
class CoderProviderRegistrarTest {
  /** Serializable, so the registrar's provider must outrank the SerializableCoder fallback. */
  static final class Contributed implements Serializable {}

  /** Also annotated, so the annotation must outrank the registrar. */
  @DefaultCoder(AnnotatedCoder.class)
  static final class ContributedAndAnnotated {}

  public static final class TestRegistrar implements CoderProviderRegistrar {
    @Override
    public List<CoderProvider> getCoderProviders() {
      return List.of(
          CoderProviders.forCoder(TypeDescriptor.of(Contributed.class), ContributedCoder.INSTANCE),
          CoderProviders.forCoder(TypeDescriptor.of(ContributedAndAnnotated.class), ContributedCoder.INSTANCE));
    }
  }

  static final class ContributedCoder extends CustomCoder<Object> {
    static final ContributedCoder INSTANCE = new ContributedCoder();

    @Override
    public void encode(Object value, OutputStream out) {}

    @Override
    public Object decode(InputStream in) {
      return null;
    }
  }

  static final class AnnotatedCoder extends CustomCoder<ContributedAndAnnotated> {
    public static AnnotatedCoder of() {
      return new AnnotatedCoder();
    }

    @Override
    public void encode(ContributedAndAnnotated value, OutputStream out) {}

    @Override
    public ContributedAndAnnotated decode(InputStream in) {
      return new ContributedAndAnnotated();
    }
  }

  private final CoderRegistry registry = CoderRegistry.createDefault();

  @Test
  void aRegistrarsProviderOutranksTheSerializableFallback() throws Exception {
    assertSame(ContributedCoder.INSTANCE, registry.getCoder(Contributed.class));
  }

  @Test
  void theDefaultCoderAnnotationOutranksARegistrar() throws Exception {
    assertInstanceOf(AnnotatedCoder.class, registry.getCoder(ContributedAndAnnotated.class));
  }

  @Test
  void aRegistrationOnTheRegistryOutranksARegistrar() throws Exception {
    Coder<Contributed> registered = SerializableCoder.of(Contributed.class);
    registry.registerCoderForClass(Contributed.class, registered);
    assertEquals(registered, registry.getCoder(Contributed.class));
  }
}
