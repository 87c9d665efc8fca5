using System.Globalization;

namespace DrillRunner.Docker.DelayProxy;

/// <summary>
/// Command line of the proxy: <c>--tag T --port P --delay-ms D [--jitter-ms J]</c>. The tag is never used by the
/// proxy itself: it is there so the runner (and a sweep) can find this process by its command line.
/// </summary>
internal sealed record ProxyOptions(string Tag, int Port, TimeSpan Delay, TimeSpan Jitter)
{
    public const int MaxDelayMilliseconds = 60_000;

    public static ProxyOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing {name}");

        int Number(string name, int min, int max, int? fallback = null)
        {
            var text = values.TryGetValue(name, out var value) ? value : fallback?.ToString(CultureInfo.InvariantCulture) ?? Get(name);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");
        }

        return new ProxyOptions(
            Get("--tag"),
            Number("--port", 1, 65535),
            TimeSpan.FromMilliseconds(Number("--delay-ms", 0, MaxDelayMilliseconds)),
            TimeSpan.FromMilliseconds(Number("--jitter-ms", 0, MaxDelayMilliseconds, fallback: 0)));
    }

    /// <summary>One delay drawn from <c>Delay ± Jitter</c>, never negative.</summary>
    public TimeSpan Draw(Random random)
    {
        var jitter = Jitter.TotalMilliseconds * ((random.NextDouble() * 2) - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, Delay.TotalMilliseconds + jitter));
    }
}
