namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// How a command in an instance ended: its exit code (null when it timed out), the tails of its standard output and
/// error, how long it ran, and, after a timeout, whether it was killed.
/// </summary>
public sealed record ExecResult(int? ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool TimedOut { get; init; }

    /// <summary>After a timeout: the command was killed (false: it may still run, e.g. on a remote engine).</summary>
    public bool Killed { get; init; }

    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>One line for messages: "exit 1: nginx: [emerg] ...", "timed out after 5s".</summary>
    public string Summary
    {
        get
        {
            var output = (StandardError.Trim().Length > 0 ? StandardError : StandardOutput).Trim();
            var last = output.Length > 400 ? "..." + output[^400..] : output;
            var head = TimedOut
                ? $"timed out after {Elapsed.TotalSeconds:0.#}s{(Killed ? " (killed)" : " (could not be killed)")}"
                : $"exit {ExitCode}";
            return last.Length == 0 ? head : $"{head}: {last.ReplaceLineEndings(" | ")}";
        }
    }
}
