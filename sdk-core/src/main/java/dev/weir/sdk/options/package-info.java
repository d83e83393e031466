/**
 * Pipeline options: typed configuration declared as interfaces of getter/setter pairs, created by
 * {@link dev.weir.sdk.options.PipelineOptionsFactory} from defaults or command-line flags, as in
 * Beam's {@code org.apache.beam.sdk.options}.
 *
 * <p>Public API: {@link dev.weir.sdk.options.PipelineOptions}, the factory, the annotations
 * ({@link dev.weir.sdk.options.Default}, {@link dev.weir.sdk.options.Description}, {@link
 * dev.weir.sdk.options.Validation}, {@link dev.weir.sdk.options.Hidden}), {@link
 * dev.weir.sdk.options.DefaultValueFactory}, {@link dev.weir.sdk.options.PipelineOptionsRegistrar}
 * and {@link dev.weir.sdk.options.PipelineOptionsValidator}. Everything else here is internal.
 *
 * <p>Where Weir differs from Beam, and why:
 *
 * <ul>
 *   <li>Options proxies are shipped with Java serialization (Beam uses JSON): the set values
 *       must be {@link java.io.Serializable}. A value computed by a default factory that is not
 *       serializable is dropped and recomputed where it is read.
 *   <li>{@code Duration} flags also take short forms ({@code 200ms}, {@code 5s}, {@code 1m},
 *       {@code 2h}, {@code 1d}) besides ISO-8601 ({@code PT5S}).
 *   <li>Without strict parsing, a flag that no known interface declares is kept and parsed when
 *       an interface declaring it is first viewed with {@code as()} (Beam drops it).
 *   <li>A bare {@code --name} of a non-boolean option is an error that asks for {@code
 *       --name=VALUE}, instead of a failure to parse {@code "true"}.
 *   <li>{@code --help=Name} that matches no interface exits with status 1 (Beam: 0).
 *   <li>A public options interface may only use public types: its proxy could not name others.
 *   <li>The default job name is {@code <mainclass>-<user>-<MMddHHmmss>} without Beam's random
 *       suffix, and the main class, not an app-name option, supplies its first part.
 * </ul>
 */
package dev.weir.sdk.options;
