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

    /// <summary>
    /// The same shape without indentation, for the result kept in the journal: a four-hour run's timeline is about half
    /// the size (tens of MB indented), and it is built once in memory when the run ends.
    /// </summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
