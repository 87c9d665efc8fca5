using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace DrillRunner.Loading;

/// <summary>
/// Binds a YAML node tree onto options types by reflection (camelCase keys, settable properties), so every
/// drill part is bound and validated by one mechanism: unknown fields, wrong types, data-annotation rules,
/// each reported with file, line, column and field path.
/// </summary>
internal sealed class YamlBinder(string file, ProblemList problems, IKindResolver resolver)
{
    // Guards against alias bombs: an alias is a reference, but binding walks it again each time.
    private const int MaxVisits = 200_000;
    private int _visits;

    public T? BindRoot<T>(YamlNode node)
        where T : class => Bind(node, typeof(T), "") as T;

    public object? Bind(YamlNode node, Type type, string path)
    {
        if (++_visits > MaxVisits)
        {
            if (_visits == MaxVisits + 1)
            {
                problems.Add(At(node), path, $"the document expands to more than {MaxVisits} values (anchors/aliases); refusing to load it");
            }

            return null;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && (underlying is not null || !type.IsValueType))
        {
            return null;
        }

        type = underlying ?? type;
        if (ScalarConverter.IsScalarType(type))
        {
            return BindScalar(node, type, path);
        }

        if (GetElementType(type, typeof(IReadOnlyDictionary<,>)) is { } valueType)
        {
            return BindDictionary(node, valueType, path);
        }

        if (GetElementType(type, typeof(IReadOnlyList<>)) is { } elementType)
        {
            return BindList(node, elementType, path);
        }

        return BindObject(node, type, path);
    }

    private object? BindScalar(YamlNode node, Type type, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            problems.Add(At(node), path, $"expected a single value, found a {Describe(node)}");
            return null;
        }

        if (!ScalarConverter.TryConvert(scalar.Value ?? "", type, out var value, out var error))
        {
            problems.Add(At(node), path, error!);
            return null;
        }

        return value;
    }

    private object? BindList(YamlNode node, Type elementType, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            problems.Add(At(node), path, $"expected a list, found a {Describe(node)}");
            return null;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var item = Bind(child, elementType, $"{path}[{index++}]");
            if (item is not null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private object? BindDictionary(YamlNode node, Type valueType, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(At(node), path, $"expected a mapping of names to values, found a {Describe(node)}");
            return null;
        }

        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var value = Bind(valueNode, valueType, Join(path, key));
            if (value is not null && !dictionary.Contains(key))
            {
                NameFromKey(value, key);
                dictionary.Add(key, value);
            }
        }

        return dictionary;
    }

    private object? BindObject(YamlNode node, Type type, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(At(node), path, $"expected a mapping (field: value), found a {Describe(node)}");
            return null;
        }

        if (resolver.IsPolymorphic(type))
        {
            var concrete = ResolveKind(mapping, type, path);
            if (concrete is null)
            {
                return null;
            }

            type = concrete;
        }

        var instance = Activator.CreateInstance(type)!;
        var properties = BindableProperties(type);
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var unbound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                problems.Add(At(keyNode), Join(path, key), $"unknown field{NameSuggester.Hint(key, properties.Keys)}");
                continue;
            }

            seen[key] = keyNode;
            var problemsBefore = problems.Items.Count;
            var value = Bind(valueNode, property.PropertyType, Join(path, key));
            if (problems.Items.Count > problemsBefore)
            {
                unbound.Add(key); // already reported; "is required" on top of it would only mislead
            }

            // An explicit null or a value that failed to bind keeps the default; the failure is already reported.
            if (value is not null)
            {
                property.SetValue(instance, value);
            }
        }

        type.GetProperty("Location")?.SetValue(instance, At(node));
        Validate(instance, mapping, seen, unbound, path);
        return instance;
    }

    private Type? ResolveKind(YamlMappingNode mapping, Type baseType, string path)
    {
        var kindNode = mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "kind" }).Value;
        var kind = (kindNode as YamlScalarNode)?.Value;
        if (string.IsNullOrEmpty(kind))
        {
            problems.Add(At(mapping), Join(path, "kind"), $"missing; one of: {string.Join(", ", resolver.KnownKinds(baseType))}");
            return null;
        }

        var concrete = resolver.Resolve(baseType, kind);
        if (concrete is null)
        {
            var known = resolver.KnownKinds(baseType);
            problems.Add(At(kindNode!), Join(path, "kind"),
                $"unknown kind '{kind}'{NameSuggester.Hint(kind, known)}; known: {string.Join(", ", known)}");
        }

        return concrete;
    }

    private void Validate(object instance, YamlMappingNode mapping, Dictionary<string, YamlNode> seen, HashSet<string> unbound, string path)
    {
        var results = new List<ValidationResult>();
        try
        {
            Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException)
        {
            problems.Add(At(mapping), path, $"a value is out of range: {ex.Message}");
        }

        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = KebabCase.CamelFrom(member);
                if (unbound.Contains(key))
                {
                    continue;
                }

                var location = seen.TryGetValue(key, out var keyNode) ? At(keyNode) : At(mapping);
                // A field left out is "required" only when that is what the rule says; an object's own rule keeps its words.
                var required = result.ErrorMessage?.EndsWith(" field is required.", StringComparison.Ordinal) != false;
                var message = seen.ContainsKey(key) || !required ? Clean(result.ErrorMessage, member) : "is required";
                problems.Add(location, Join(path, key), message);
            }
        }
    }

    private static string Clean(string? message, string member) =>
        (message ?? "is invalid").Replace($"The field {member} ", "", StringComparison.Ordinal)
            .Replace($"The {member} field ", "", StringComparison.Ordinal).TrimEnd('.');

    private static Dictionary<string, PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType != typeof(SourceLocation))
            .ToDictionary(p => KebabCase.CamelFrom(p.Name), StringComparer.Ordinal);

    // Dictionary entries such as services take their name from their key.
    private static void NameFromKey(object value, string key)
    {
        var name = value.GetType().GetProperty("Name");
        if (name is { CanWrite: true } && name.PropertyType == typeof(string) && string.IsNullOrEmpty((string?)name.GetValue(value)))
        {
            name.SetValue(value, key);
        }
    }

    private static Type? GetElementType(Type type, Type genericInterface)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        if (genericInterface == typeof(IReadOnlyList<>) && definition == typeof(IReadOnlyList<>))
        {
            return type.GetGenericArguments()[0];
        }

        return genericInterface == typeof(IReadOnlyDictionary<,>) && definition == typeof(IReadOnlyDictionary<,>)
            ? type.GetGenericArguments()[1]
            : null;
    }

    private SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };
}
