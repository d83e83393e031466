package dev.weir.sdk.options;

import java.util.List;

/**
 * Registers {@link TestOnlyRegisteredOptions} through META-INF/services, to test that
 * registrars found by {@link java.util.ServiceLoader} make their interfaces' flags parse.
 */
public final class TestOnlyOptionsRegistrar implements PipelineOptionsRegistrar {

  /** Options known only through this registrar; names are unusual to collide with nothing. */
  @Description("Options registered by a test-only registrar.")
  public interface TestOnlyRegisteredOptions extends PipelineOptions {
    @Description("A flag that only the test-only registrar makes known.")
    @Default.Integer(7)
    int getTestOnlyRegistrarFlag();

    void setTestOnlyRegistrarFlag(int value);
  }

  @Override
  public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
    return List.of(TestOnlyRegisteredOptions.class);
  }
}
