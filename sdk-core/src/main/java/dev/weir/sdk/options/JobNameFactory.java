package dev.weir.sdk.options;

/** INTERIM (replaced by the options branch). */
public final class JobNameFactory implements DefaultValueFactory<String> {
  @Override
  public String create(PipelineOptions options) {
    return "weir";
  }
}
