using System.Text.Json.Serialization;

namespace DrillRunner.Scoring;

/// <summary>
/// How one objective fared: its typed targets and measurements, whether it met them, its 0..1 score and weight,
/// and what to do when missed. <see cref="Unmeasured"/> says why there is no measurement (not recovered, no
/// data, read-back impossible); renderers format everything else from the numbers.
/// </summary>
public sealed record ObjectiveResult(
    string Kind,
    IReadOnlyList<Bound> Targets,
    IReadOnlyList<Measurement> Measurements,
    bool Met,
    double Score,
    double Weight,
    bool IsGate,
    string Detail,
    string? Remedy = null,
    string? Unmeasured = null)
{
    // Results saved before these fields existed have neither: never null after loading.
    public IReadOnlyList<Bound> Targets { get; init; } = Targets ?? [];

    public IReadOnlyList<Measurement> Measurements { get; init; } = Measurements ?? [];

    /// <summary>The display text of the target in results saved before typed measurements; never written now.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; init; }

    /// <summary>The display text of what was achieved in results saved before typed measurements; never written now.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Achieved { get; init; }

    /// <summary>The measurement of that name, if the objective measured it.</summary>
    public Measurement? Find(string name) => Measurements.FirstOrDefault(m => m.Name == name);
}
