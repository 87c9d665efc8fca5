namespace DrillRunner.Cli.Terminal;

/// <summary>
/// Prints progress lines as they are reported, in order, on the reporting thread (<see cref="Progress{T}"/> posts them
/// to the thread pool, so a line could come after the command's summary, or never when the process exits first).
/// </summary>
internal sealed class LineWriter(Action<string> write) : IProgress<string>
{
    private readonly Lock _gate = new();

    public LineWriter(Func<string, string>? format = null)
        : this(line => Console.WriteLine(format is null ? line : format(line)))
    {
    }

    public void Report(string value)
    {
        lock (_gate)
        {
            write(value);
        }
    }
}
