using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillRunner.Catalog;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Loading;

/// <summary>
/// Writes the JSON Schema of drill and environment files from the same options types and catalog the loader
/// binds, so editors complete and check exactly what DrillRunner accepts.
/// </summary>
public sealed class SchemaGenerator(DrillCatalog catalog)
{
    private readonly JsonObject _definitions = [];

    public static string DrillSchema(DrillCatalog catalog) => new SchemaGenerator(catalog).Document<DrillSpec>("DrillRunner drill file");

    public static string EnvironmentSchema(DrillCatalog catalog) => new SchemaGenerator(catalog).Document<EnvironmentSpec>("DrillRunner environment file");

    private string Document<T>(string title)
    {
        var root = For(typeof(T));
        root["$schema"] = "http://json-schema.org/draft-07/schema#";
        root["title"] = title;
        root["definitions"] = _definitions;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private JsonObject For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Simple(type) is { } simple)
        {
            return simple;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new JsonObject { ["type"] = "array", ["items"] = For(type.GetGenericArguments()[0]) };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = For(type.GetGenericArguments()[1]) };
        }

        if (catalog.IsPolymorphic(type))
        {
            var variants = new JsonArray();
            foreach (var kind in catalog.KnownKinds(type))
            {
                variants.Add(Reference(catalog.Resolve(type, kind)!, kind));
            }

            return new JsonObject { ["oneOf"] = variants };
        }

        return Reference(type, null);
    }

    private JsonObject Reference(Type type, string? kind)
    {
        var name = kind is null ? type.Name : $"{type.Name}-{kind}";
        if (!_definitions.ContainsKey(name))
        {
            _definitions[name] = null;
            _definitions[name] = ObjectSchema(type, kind);
        }

        return new JsonObject { ["$ref"] = $"#/definitions/{name}" };
    }

    private JsonObject ObjectSchema(Type type, string? kind)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType != typeof(SourceLocation)))
        {
            var name = KebabCase.CamelFrom(property.Name);
            var schema = name == "kind" && kind is not null ? new JsonObject { ["const"] = kind } : For(property.PropertyType);
            // Numeric bounds only: a duration's bounds are strings the pattern cannot express.
            if (property.GetCustomAttribute<RangeAttribute>() is { } range && range.OperandType != typeof(TimeSpan))
            {
                schema["minimum"] = JsonValue.Create(Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture));
                schema["maximum"] = JsonValue.Create(Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
            }

            properties[name] = schema;
            if (property.GetCustomAttribute<RequiredAttribute>() is not null || (name == "kind" && kind is not null))
            {
                required.Add(name);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required, ["additionalProperties"] = false };
    }

    private static JsonObject? Simple(Type type) => type switch
    {
        _ when type == typeof(string) => new JsonObject { ["type"] = "string" },
        _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
        _ when type == typeof(int) || type == typeof(long) => new JsonObject { ["type"] = "integer" },
        _ when type == typeof(double) => new JsonObject { ["type"] = "number" },
        _ when type == typeof(TimeSpan) => Pattern(@"^(\d+(\.\d+)?(ms|s|m|h|d))+$", "a duration such as 500ms, 30s, 2m or 1m30s"),
        _ when type == typeof(Rate) => Pattern(@"^\d+(\.\d+)?\s*/\s*(s|m|h)$", "a rate such as 200/s"),
        _ when type == typeof(Percentage) => Pattern(@"^\d+(\.\d+)?%$", "a percentage such as 99.5%"),
        _ when type == typeof(ByteSize) => Pattern(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$", "a size such as 64MiB, 512MB or 1GiB"),
        _ when type == typeof(Bandwidth) => Pattern(@"^\d+(\.\d+)?\s*(bit|kbit|mbit|gbit|B/s|KB/s|MB/s|GB/s)$", "a bandwidth such as 500kbit, 8mbit or 1MB/s"),
        _ when type.IsEnum => new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)KebabCase.From(n)).ToArray()) },
        _ => null,
    };

    private static JsonObject Pattern(string pattern, string description) =>
        new() { ["type"] = "string", ["pattern"] = pattern, ["description"] = description };
}
