using System.Security.Cryptography;
using System.Text.Json;

namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// Undo record of a config-file change, complete enough for a fresh process: for each instance the file's path and
/// its original bytes (with their SHA-256) and the bytes written, and how the server reloads.
/// </summary>
internal sealed record ConfigFilePayload(string Service, string File, ReloadPlan Reload, IReadOnlyList<ConfigFileTarget> Targets)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static ConfigFilePayload FromJson(string json) =>
        JsonSerializer.Deserialize<ConfigFilePayload>(json, JsonDefaults.Options)
        ?? throw new InvalidOperationException("empty config-file undo record");

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>One instance's file: where it is, what it held, what the change writes.</summary>
internal sealed record ConfigFileTarget(string Instance, string Path, byte[] Original, string OriginalSha256, byte[] Edited, string EditedSha256);

/// <summary>How to reload, from the step's <see cref="ReloadOptions"/>: journaled, so an undo after a crash can.</summary>
internal sealed record ReloadPlan(string? Signal, IReadOnlyList<string> Exec, bool Restart, IReadOnlyList<string> Check, TimeSpan Timeout, TimeSpan Settle)
{
    public static ReloadPlan From(ReloadOptions options) => new(options.Signal, options.Exec, options.Restart, options.Check, options.Timeout, options.Settle);

    public string Describe() => Signal is not null ? Signal.ToUpperInvariant() : Exec.Count > 0 ? string.Join(' ', Exec) : "restart";
}
