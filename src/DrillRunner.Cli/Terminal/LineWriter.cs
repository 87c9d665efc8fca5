namespace DrillRunner.Cli.Terminal;

/// <summary>Prints progress lines as they are reported, in order (<see cref="Progress{T}"/> posts them to the thread pool).</summary>
internal sealed class LineWriter(Func<string, string>? format = null) : IProgress<string>
{
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            Console.WriteLine(format is null ? value : format(value));
        }
    }
}
