using System.Text.Json;
using DrillRunner.Journal;

namespace DrillRunner.Traffic.Drill;

/// <summary>The journaled record of a running generator: its resource key is all the undo needs.</summary>
internal static class StopRecord
{
    public static UndoRecord Create(string source) =>
        new(TrafficStepConstants.UndoKind, source, JsonSerializer.Serialize(new Payload(TrafficStepConstants.ResourceKey(source))));

    public static string Key(UndoRecord record) => JsonSerializer.Deserialize<Payload>(record.Payload)!.Key;

    private sealed record Payload(string Key);
}
