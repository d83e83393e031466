package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.SetMultimap;
import dev.weir.sdk.coders.CannotProvideCoderException.ReasonCode;
import dev.weir.sdk.values.TypeDescriptor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the coder for a Java type, asking its {@link CoderProvider}s in priority order:
 *
 * <ol>
 *   <li>providers registered on this registry ({@link #registerCoderProvider}, {@link
 *       #registerCoderForClass}, {@link #registerCoderForType}), the latest first;
 *   <li>the standard coders of common types: {@code String}, {@code Integer}, {@code Long}, {@code
 *       Double}, {@code Float}, {@code Boolean}, {@code Byte}, {@code byte[]}, {@code Void}, {@code
 *       BigInteger}, {@code BigDecimal}, joda {@code Instant} and {@code Duration}, {@code KV},
 *       {@code Iterable}, {@code Collection}, {@code List}, {@code Set}, {@code Map} and {@code
 *       TimestampedValue};
 *   <li>the {@link DefaultCoder} annotation of the type's class;
 *   <li>providers of {@link CoderProviderRegistrar}s found with {@link ServiceLoader};
 *   <li>{@link SerializableCoder}, for any type that implements {@link java.io.Serializable}.
 * </ol>
 *
 * <p>A generic type's coder is built from coders for its type arguments, found the same way, so
 * {@code KV<String, List<Long>>} gets {@code KvCoder(StringUtf8Coder, ListCoder(VarLongCoder))}.
 * Type variables have no coder of their own (their actual type is erased) unless a known coder
 * binds them, as in {@link #getCoder(TypeDescriptor, TypeDescriptor, Coder)}.
 *
 * <p>Thread-safe: lookups may run concurrently with registrations and see the registrations
 * that happened before them. Lookup failures are {@link CannotProvideCoderException}s whose
 * message names the requested type, the component that had no coder, and the fix.
 */
public class CoderRegistry {
  private static final List<CoderProvider> STANDARD_PROVIDERS = standardProviders();

  private volatile List<CoderProvider> providers;

  private CoderRegistry(List<CoderProvider> providers) {
    this.providers = providers;
  }

  /** A registry with the standard providers listed on this class and nothing registered. */
  public static CoderRegistry createDefault() {
    return new CoderRegistry(STANDARD_PROVIDERS);
  }

  private static List<CoderProvider> standardProviders() {
    ImmutableList.Builder<CoderProvider> builder = ImmutableList.builder();
    builder.add(new CommonTypesCoderProvider());
    builder.addAll(new DefaultCoder.DefaultCoderProviderRegistrar().getCoderProviders());
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<CoderProviderRegistrar> registrars = new ArrayList<>();
    ServiceLoader.load(CoderProviderRegistrar.class, loader == null ? CoderRegistry.class.getClassLoader() : loader)
        .forEach(registrars::add);
    // ServiceLoader order depends on the class path; sorting keeps the precedence reproducible.
    registrars.sort(Comparator.comparing(registrar -> registrar.getClass().getName()));
    for (CoderProviderRegistrar registrar : registrars) {
      builder.addAll(registrar.getCoderProviders());
    }
    builder.add(SerializableCoder.getCoderProvider());
    return builder.build();
  }

  /** Makes {@code provider} the first one asked, ahead of every earlier registration. */
  public synchronized void registerCoderProvider(CoderProvider provider) {
    checkArgument(provider != null, "cannot register a null CoderProvider");
    providers = ImmutableList.<CoderProvider>builder().add(provider).addAll(providers).build();
  }

  /**
   * Uses {@code coder} for values whose type is exactly {@code clazz}; same as {@link
   * #registerCoderForType} with {@code TypeDescriptor.of(clazz)}. Not for generic classes, whose
   * parameterizations are distinct types: use {@link #registerCoderForType} or a provider.
   */
  public void registerCoderForClass(Class<?> clazz, Coder<?> coder) {
    checkArgument(clazz != null, "cannot register a coder for a null class");
    registerCoderForType(TypeDescriptor.of(clazz), coder);
  }

  /** Uses {@code coder} for values whose type is exactly {@code type}, ahead of earlier registrations. */
  public void registerCoderForType(TypeDescriptor<?> type, Coder<?> coder) {
    registerCoderProvider(CoderProviders.forCoder(type, coder));
  }

  /** The coder for values of {@code clazz}; for a generic class, use the {@link TypeDescriptor} form. */
  public <T> Coder<T> getCoder(Class<T> clazz) throws CannotProvideCoderException {
    checkArgument(clazz != null, "cannot get a coder for a null class");
    return getCoder(TypeDescriptor.of(clazz));
  }

  /** The coder for values of {@code type}. */
  public <T> Coder<T> getCoder(TypeDescriptor<T> type) throws CannotProvideCoderException {
    checkArgument(type != null, "cannot get a coder for a null type");
    return coderFor(type.getType(), HashMultimap.create());
  }

  /**
   * The coder for {@code outputType} where values of {@code inputType} use {@code inputCoder}: the
   * type variables (and classes) of {@code inputType} are bound to the matching components of
   * {@code inputCoder} first, so that, for example, the output {@code KV<V, K>} of a generic
   * transform from {@code KV<K, V>} gets the input's value and key coders swapped.
   */
  public <InputT, OutputT> Coder<OutputT> getCoder(
      TypeDescriptor<OutputT> outputType, TypeDescriptor<InputT> inputType, Coder<InputT> inputCoder)
      throws CannotProvideCoderException {
    checkArgument(outputType != null && inputType != null && inputCoder != null,
        "getCoder needs an output type, an input type and an input coder");
    SetMultimap<Type, Coder<?>> bindings = HashMultimap.create();
    bind(inputType.getType(), inputCoder, bindings);
    return coderFor(outputType.getType(), bindings);
  }

  /**
   * The coder for the type argument {@code param} of {@code baseClass} as {@code subClass}
   * specializes it, given known coders for other type parameters of {@code baseClass} (keyed by
   * those type variables). This infers, for example, the accumulator coder of a {@code CombineFn}
   * from its input coder.
   */
  public <T, OutputT> Coder<OutputT> getCoder(
      Class<? extends T> subClass, Class<T> baseClass, Map<Type, ? extends Coder<?>> knownCoders, TypeVariable<?> param)
      throws CannotProvideCoderException {
    TypeVariable<?>[] params = baseClass.getTypeParameters();
    int index = Arrays.asList(params).indexOf(param);
    checkArgument(index >= 0, "%s is not a type parameter of %s", param, baseClass.getName());
    @SuppressWarnings("unchecked")
    Coder<OutputT> known = (Coder<OutputT>) knownCoders.get(param);
    if (known != null) {
      return known;
    }
    Type supertype = TypeDescriptor.of(subClass).getSupertype(baseClass).getType();
    // A raw supertype leaves the base class's own type variables in place of the arguments.
    if (!(supertype instanceof ParameterizedType)
        || isOwnVariable(((ParameterizedType) supertype).getActualTypeArguments()[index], baseClass)) {
      throw new CannotProvideCoderException(
          "Cannot provide coder for " + param.getName() + " of " + baseClass.getSimpleName() + ": "
              + subClass.getName() + " extends the raw type " + baseClass.getSimpleName() + ", so its type arguments"
              + " are unknown; declare them, or call setCoder on the PCollection",
          ReasonCode.TYPE_ERASURE);
    }
    Type[] arguments = ((ParameterizedType) supertype).getActualTypeArguments();
    SetMultimap<Type, Coder<?>> bindings = HashMultimap.create();
    for (int i = 0; i < params.length; i++) {
      Coder<?> coder = knownCoders.get(params[i]);
      if (coder != null) {
        bind(arguments[i], coder, bindings);
      }
    }
    return coderFor(arguments[index], bindings);
  }

  private static boolean isOwnVariable(Type type, Class<?> declaringClass) {
    return type instanceof TypeVariable && ((TypeVariable<?>) type).getGenericDeclaration().equals(declaringClass);
  }

  /** Records which coder each type inside {@code type} uses, given that {@code type} uses {@code coder}. */
  private static void bind(Type type, Coder<?> coder, SetMultimap<Type, Coder<?>> bindings) {
    if (type instanceof Class || type instanceof TypeVariable) {
      bindings.put(type, coder);
    } else if (type instanceof ParameterizedType) {
      bindings.put(type, coder);
      // A NullableCoder wraps the coder whose arguments correspond to the type's arguments.
      Coder<?> structural = coder instanceof NullableCoder ? ((NullableCoder<?>) coder).getValueCoder() : coder;
      Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
      List<? extends Coder<?>> coderArguments = structural.getCoderArguments();
      if (arguments.length == coderArguments.size()) {
        for (int i = 0; i < arguments.length; i++) {
          bind(arguments[i], coderArguments.get(i), bindings);
        }
      }
    }
  }

  private <T> Coder<T> coderFor(Type type, SetMultimap<Type, Coder<?>> bindings) throws CannotProvideCoderException {
    try {
      @SuppressWarnings("unchecked")
      Coder<T> coder = (Coder<T>) resolve(type, bindings);
      return coder;
    } catch (Unresolvable failure) {
      String detail = failure.type.equals(type)
          ? failure.fix
          : "no coder for " + describe(failure.type) + ": " + failure.fix;
      CannotProvideCoderException exception =
          new CannotProvideCoderException("Cannot provide coder for " + describe(type) + ": " + detail, failure.reason);
      failure.providerFailures.forEach(exception::addSuppressed);
      throw exception;
    }
  }

  private Coder<?> resolve(Type type, SetMultimap<Type, Coder<?>> bindings) throws Unresolvable {
    Set<Coder<?>> bound = bindings.get(type);
    if (bound.size() == 1) {
      return bound.iterator().next();
    }
    if (bound.size() > 1) {
      throw new Unresolvable(
          type, "the known coders bind it to several different coders " + bound, ReasonCode.OVER_SPECIFIED, List.of());
    }
    if (type instanceof Class || type instanceof TypeVariable) {
      return fromProviders(type, List.of());
    }
    if (type instanceof ParameterizedType) {
      List<Coder<?>> components = new ArrayList<>();
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        components.add(resolve(argument, bindings));
      }
      return fromProviders(type, components);
    }
    String kind = type instanceof WildcardType ? "a wildcard type" : type instanceof GenericArrayType
        ? "a generic array type" : "this kind of type";
    throw new Unresolvable(
        type, describe(type) + " is " + kind + ", which has no coder; use a concrete type or call setCoder on the PCollection",
        ReasonCode.UNKNOWN, List.of());
  }

  private Coder<?> fromProviders(Type type, List<Coder<?>> components) throws Unresolvable {
    List<CannotProvideCoderException> failures = new ArrayList<>();
    TypeDescriptor<?> descriptor = TypeDescriptor.of(type);
    for (CoderProvider provider : providers) {
      try {
        return provider.coderFor(descriptor, components);
      } catch (CannotProvideCoderException e) {
        failures.add(e);
      }
    }
    if (type instanceof TypeVariable) {
      throw new Unresolvable(type, describe(type) + " is a type variable whose actual type is erased at run time;"
          + " call setCoder on the PCollection, or make the type known through a TypeDescriptor", ReasonCode.TYPE_ERASURE,
          failures);
    }
    if (type instanceof Class && ((Class<?>) type).getTypeParameters().length > 0) {
      String name = describe(type);
      throw new Unresolvable(type, name + " is generic and its type arguments are unknown here; ask for the full type,"
          + " for example getCoder(new TypeDescriptor<" + name + "<...>>() {}), or call setCoder on the PCollection",
          ReasonCode.TYPE_ERASURE, failures);
    }
    throw new Unresolvable(type, "register one with " + registrationHint(type)
        + ", annotate the class with @DefaultCoder, or call setCoder on the PCollection", ReasonCode.UNKNOWN, failures);
  }

  private static String registrationHint(Type type) {
    if (type instanceof Class) {
      return "pipeline.getCoderRegistry().registerCoderForClass(" + describe(type) + ".class, coder)";
    }
    return "pipeline.getCoderRegistry().registerCoderForType(new TypeDescriptor<" + describe(type) + ">() {}, coder)";
  }

  /** A type as written in source with simple class names, such as {@code KV<String, List<Foo>>}. */
  static String describe(Type type) {
    if (type instanceof Class) {
      Class<?> clazz = (Class<?>) type;
      if (clazz.isArray()) {
        return describe(clazz.getComponentType()) + "[]";
      }
      return clazz.getSimpleName().isEmpty() ? clazz.getName() : clazz.getSimpleName();
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      return describe(parameterized.getRawType())
          + Arrays.stream(parameterized.getActualTypeArguments())
              .map(CoderRegistry::describe)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof GenericArrayType) {
      return describe(((GenericArrayType) type).getGenericComponentType()) + "[]";
    }
    if (type instanceof WildcardType) {
      WildcardType wildcard = (WildcardType) type;
      if (wildcard.getLowerBounds().length > 0) {
        return "? super " + describe(wildcard.getLowerBounds()[0]);
      }
      Type upper = wildcard.getUpperBounds()[0];
      return upper.equals(Object.class) ? "?" : "? extends " + describe(upper);
    }
    return type.getTypeName();
  }

  /** The innermost type that had no coder, why, and the providers' individual refusals. */
  private static final class Unresolvable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Type type;
    private final String fix;
    private final ReasonCode reason;
    private final transient List<CannotProvideCoderException> providerFailures;

    Unresolvable(Type type, String fix, ReasonCode reason, List<CannotProvideCoderException> providerFailures) {
      super(fix, null, false, false);
      this.type = type;
      this.fix = fix;
      this.reason = reason;
      this.providerFailures = providerFailures;
    }
  }
}
