namespace DrillRunner.Drivers.Capabilities;

/// <summary>A command to run in an instance (<see cref="IInstanceExec"/>).</summary>
public sealed record ExecRequest(IReadOnlyList<string> Command)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Bytes kept of the end of each output stream.</summary>
    public const int DefaultTailBytes = 8 * 1024;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The user to run as; null: the instance's own.</summary>
    public string? User { get; init; }

    /// <summary>Working directory; null: the instance's own.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to the instance's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public int TailBytes { get; init; } = DefaultTailBytes;

    /// <summary>The command as one line, for messages.</summary>
    public string Display => string.Join(' ', Command.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"'{a}'" : a));
}
