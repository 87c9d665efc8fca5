using System.Text.Json;
using DrillRunner.Engine;
using DrillRunner.Scoring;
using DrillRunner.Steps;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>
/// Reads a run's saved result JSON, of this version or an older one. Results saved before typed measurements carry
/// only display text; the single-number objectives get their measurement back here, once, at the boundary, so
/// nothing past it ever reads text.
/// </summary>
public static class SavedResults
{
    /// <exception cref="JsonException">The JSON is not a run result.</exception>
    public static RunResult Read(string json)
    {
        var result = JsonSerializer.Deserialize<RunResult>(json, JsonDefaults.Options) ?? throw new JsonException("the result is empty");
        return result.Score is { } score && score.Objectives.Any(o => o.Measurements.Count == 0 && o.Achieved is not null)
            ? result with { Score = score with { Objectives = score.Objectives.Select(Upgrade).ToList() } }
            : result;
    }

    private static ObjectiveResult Upgrade(ObjectiveResult o)
    {
        if (o.Measurements.Count > 0 || o.Achieved is not { } text)
        {
            return o;
        }

        // Older runs wrote "0s (no failing sample)" when nothing failed.
        var plain = text.Split(' ')[0];
        Measurement? measured = o.Kind switch
        {
            "recover" when DurationParser.TryParse(plain, out var d, out _) => Measurement.Duration(Measures.Rto, d),
            "detect" when DurationParser.TryParse(plain, out var d, out _) => Measurement.Duration(Measures.TimeToDetect, d),
            "availability" when Percentage.TryParse(plain, out var p, out _) => Measurement.Ratio(Measures.Availability, p.Fraction),
            "users-affected" when Percentage.TryParse(plain, out var p, out _) => Measurement.Ratio(Measures.UsersAffected, p.Fraction),
            _ => null,
        };
        return measured is null ? o : o with { Measurements = [measured] };
    }
}
