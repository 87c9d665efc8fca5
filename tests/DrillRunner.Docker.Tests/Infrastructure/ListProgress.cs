namespace DrillRunner.Docker.Tests.Infrastructure;

/// <summary>Collects progress lines as they are reported (<see cref="Progress{T}"/> would post them later).</summary>
internal sealed class ListProgress : IProgress<string>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Report(string value)
    {
        lock (_lines)
        {
            _lines.Add(value);
        }
    }
}
