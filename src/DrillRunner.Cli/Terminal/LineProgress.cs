namespace DrillRunner.Cli.Terminal;

/// <summary>
/// Progress lines written as they are reported, on the reporting thread. <see cref="Progress{T}"/> posts each line to
/// the thread pool instead, so lines could arrive out of order, after the command's summary, or not at all when the
/// process exits first.
/// </summary>
internal sealed class LineProgress(Action<string> write) : IProgress<string>
{
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            write(value);
        }
    }
}
