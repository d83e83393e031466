package dev.weir.sdk.options;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Verify.verify;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.weir.sdk.util.SerializedRecord;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state behind one options object and the handler of every proxy that views it.
 *
 * <p>One instance holds the values of all options by name; each {@link #as} view is a {@link
 * Proxy} of one interface (plus {@link Serializable}) over this same handler, cached per
 * interface, so a value set through one view is read through all. Getters return the set value,
 * else the {@code @Default} (a factory default is computed once and stored), else null or a
 * primitive zero. Views are equal when they share this handler's value map.
 *
 * <p>Thread-safe: values live in a concurrent map; a factory default raced by two threads is kept
 * from whichever stored it first. Serializable through {@link SerializedForm}: set values must be
 * serializable (else {@link NotSerializableException} names the option); defaults whose values
 * are not serializable are dropped and recomputed where read.
 */
final class OptionsProxy implements InvocationHandler, Serializable {
  private static final long serialVersionUID = 1L;

  /** A value in the map; {@code fromDefault} marks one computed by a default factory. */
  record BoundValue(Object value, boolean fromDefault) implements Serializable {
    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    private static final long serialVersionUID = 1L;
  }

  private final ConcurrentHashMap<String, BoundValue> values;
  private final Set<Class<? extends PipelineOptions>> knownInterfaces;
  private final ConcurrentHashMap<String, List<String>> pendingFlags;
  private final transient ConcurrentHashMap<Class<?>, PipelineOptions> views =
      new ConcurrentHashMap<>();
  private final transient ThreadLocal<Set<String>> computingDefaults =
      ThreadLocal.withInitial(HashSet::new);

  /**
   * Options holding {@code parsed} values (null values allowed), aware of {@code interfaces}, with
   * {@code pending} raw flags that no interface declared yet; a later {@link #as} of an interface
   * declaring one of them parses it then.
   */
  OptionsProxy(
      Map<String, Object> parsed,
      Collection<Class<? extends PipelineOptions>> interfaces,
      Map<String, List<String>> pending) {
    this.values = new ConcurrentHashMap<>();
    parsed.forEach((name, value) -> values.put(name, new BoundValue(value, false)));
    this.knownInterfaces = ConcurrentHashMap.newKeySet();
    this.knownInterfaces.addAll(interfaces);
    this.pendingFlags = new ConcurrentHashMap<>(pending);
  }

  /**
   * A view of these options as {@code iface}. Throws {@link IllegalArgumentException} if {@code
   * iface} is malformed or gives an option a type that another known interface contradicts, or
   * if a pending flag it declares does not parse.
   */
  <T extends PipelineOptions> T as(Class<T> iface) {
    PipelineOptions cached = views.get(iface);
    if (cached != null) {
      return iface.cast(cached);
    }
    OptionsSpec spec = OptionsSpec.of(iface);
    List<OptionsSpec> all = new ArrayList<>();
    knownInterfaces.forEach(known -> all.add(OptionsSpec.of(known)));
    all.add(spec);
    OptionsSpec.merge(all);
    knownInterfaces.add(iface);
    bindPending(spec);
    return iface.cast(views.computeIfAbsent(iface, this::newView));
  }

  private PipelineOptions newView(Class<?> iface) {
    return (PipelineOptions)
        Proxy.newProxyInstance(
            iface.getClassLoader(), new Class<?>[] {iface, Serializable.class}, this);
  }

  private void bindPending(OptionsSpec spec) {
    for (PropertySpec property : spec.properties()) {
      List<String> raw = pendingFlags.get(property.name());
      if (raw != null) {
        Object parsed = FlagValueParser.parse(property.name(), property.type(), raw);
        BoundValue current = values.get(property.name());
        if (current == null || current.fromDefault()) {
          values.put(property.name(), new BoundValue(parsed, false));
        }
        pendingFlags.remove(property.name());
      }
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> isSameOptions(args[0]);
        case "hashCode" -> System.identityHashCode(values);
        default -> toString();
      };
    }
    if (method.getName().equals("as") && args != null && args.length == 1
        && args[0] instanceof Class<?> kind) {
      return as(kind.asSubclass(PipelineOptions.class));
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    PropertySpec property = OptionsSpec.of(proxy.getClass().getInterfaces()[0]).forMethod(method);
    verify(property != null, "no option for %s", method);
    if (args == null || args.length == 0) {
      return read(property);
    }
    values.put(property.name(), new BoundValue(args[0], false));
    pendingFlags.remove(property.name());
    return null;
  }

  /**
   * The handler behind {@code options}; throws {@link IllegalArgumentException} if {@code options}
   * was not made by {@link PipelineOptionsFactory}.
   */
  static OptionsProxy of(PipelineOptions options) {
    checkArgument(
        Proxy.isProxyClass(options.getClass())
            && Proxy.getInvocationHandler(options) instanceof OptionsProxy,
        "%s was not made by PipelineOptionsFactory; create options with "
            + "PipelineOptionsFactory.create(), as(...) or fromArgs(...).",
        options.getClass().getName());
    return (OptionsProxy) Proxy.getInvocationHandler(options);
  }

  /** The value a getter of {@code property} returns now; may compute and store its default. */
  Object read(PropertySpec property) {
    BoundValue bound = values.get(property.name());
    if (bound == null) {
      var literal = property.literalDefault();
      if (literal.isPresent()) {
        return literal.get();
      }
      var factory = property.defaultFactory();
      if (factory.isEmpty()) {
        return property.absentValue();
      }
      BoundValue computed = new BoundValue(computeDefault(property, factory.get()), true);
      BoundValue raced = values.putIfAbsent(property.name(), computed);
      bound = raced != null ? raced : computed;
    }
    return bound.value() == null ? property.absentValue() : bound.value();
  }

  private Object computeDefault(
      PropertySpec property, Class<? extends DefaultValueFactory<?>> factoryClass) {
    Set<String> computing = computingDefaults.get();
    if (!computing.add(property.name())) {
      throw new IllegalStateException(
          "Default factory " + factoryClass.getName() + " of option --" + property.name()
              + " reads --" + property.name() + " itself; a default factory must not.");
    }
    try {
      DefaultValueFactory<?> factory = factoryClass.getDeclaredConstructor().newInstance();
      return factory.create(as(PipelineOptions.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "Cannot instantiate default factory " + factoryClass.getName() + " of option --"
              + property.name() + "; it needs a public no-argument constructor.",
          e);
    } finally {
      computing.remove(property.name());
    }
  }

  private boolean isSameOptions(Object other) {
    return other != null
        && Proxy.isProxyClass(other.getClass())
        && Proxy.getInvocationHandler(other) instanceof OptionsProxy handler
        && handler.values == values;
  }

  /** The options set so far, one per line, sorted by name; computed defaults are left out. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Current Settings:");
    Map<String, Object> set = new TreeMap<>();
    values.forEach((name, bound) -> {
      if (!bound.fromDefault()) {
        set.put(name, bound.value());
      }
    });
    set.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(show(value)));
    pendingFlags.forEach((name, raw) ->
        text.append("\n  ").append(name).append(": ").append(raw).append(" (unparsed)"));
    return text.toString();
  }

  private static String show(Object value) {
    if (value instanceof Class<?> c) {
      return c.getName();
    }
    if (value != null && value.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
    }
    return String.valueOf(value);
  }

  private Object writeReplace() throws ObjectStreamException {
    Map<String, BoundValue> shipped = new HashMap<>();
    for (Map.Entry<String, BoundValue> entry : values.entrySet()) {
      Object value = entry.getValue().value();
      if (value == null || value instanceof Serializable) {
        shipped.put(entry.getKey(), entry.getValue());
      } else if (!entry.getValue().fromDefault()) {
        throw new NotSerializableException(
            "Option --" + entry.getKey() + " holds a " + value.getClass().getName()
                + ", which is not Serializable; options travel to workers with the pipeline, so "
                + "give the option a serializable type or leave it unset.");
      }
    }
    Map<String, List<String>> pending = new HashMap<>();
    pendingFlags.forEach((name, raw) -> pending.put(name, new ArrayList<>(raw)));
    return new SerializedForm(shipped, ImmutableList.copyOf(knownInterfaces), pending);
  }

  /** What a serialized options object holds; deserializes into a new, independent handler. */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, BoundValue> values;
    private final List<Class<? extends PipelineOptions>> interfaces;
    private final Map<String, List<String>> pending;

    // A plain class, not a record: see SerializedRecord for what reading a record costs.
    SerializedForm(Map<String, BoundValue> values, List<Class<? extends PipelineOptions>> interfaces,
        Map<String, List<String>> pending) {
      this.values = values;
      this.interfaces = interfaces;
      this.pending = pending;
    }

    private Object readResolve() {
      OptionsProxy restored = new OptionsProxy(ImmutableMap.of(), interfaces, pending);
      restored.values.putAll(values);
      return restored;
    }
  }
}
