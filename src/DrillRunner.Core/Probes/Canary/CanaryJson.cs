using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DrillRunner.Probes.Canary;

/// <summary>JSONPath over a response body (Json.NET's <c>SelectToken</c>); values compared and returned as text.</summary>
internal static class CanaryJson
{
    /// <summary>Why the path is not a JSONPath, or null.</summary>
    public static string? PathProblem(string path)
    {
        try
        {
            new JObject().SelectToken(path);
            return path.StartsWith('$') ? null : $"'{path}' is not a JSONPath; write e.g. $.id or $.order.id";
        }
        catch (JsonException ex)
        {
            return $"'{path}' is not a JSONPath ({ex.Message}); write e.g. $.id or $.order.id";
        }
    }

    public static JToken? Parse(string body)
    {
        try
        {
            // Dates stay text: a value is compared the way the application wrote it.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The scalar at <paramref name="path"/> as text; null when absent, null, or not a single value.</summary>
    public static string? Select(JToken? document, string path)
    {
        var token = document?.SelectToken(path);
        return token switch
        {
            JValue { Type: JTokenType.String } text => (string?)text,
            JValue { Value: not null } value => value.ToString(Formatting.None),
            _ => null,
        };
    }
}
