using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrillRunner.Steps.ProcessPause;

/// <summary>Undo payload of <c>pause-process</c>: the instances and the pattern, enough to resume from the record alone.</summary>
internal sealed record ProcessPausePayload(IReadOnlyList<string> Instances, string Process)
{
    public Regex Pattern => new(Process, RegexOptions.None, ProcessPauseConstants.MatchTimeout);

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static ProcessPausePayload FromJson(string json) =>
        JsonSerializer.Deserialize<ProcessPausePayload>(json, JsonDefaults.Options) ?? new ProcessPausePayload([], "$^");
}
