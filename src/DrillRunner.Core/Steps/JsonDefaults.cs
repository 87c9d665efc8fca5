using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillRunner.Steps;

/// <summary>One JSON shape for journal payloads and reports: camelCase, enums as strings.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };
}
