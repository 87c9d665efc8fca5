namespace DemoShop.Metrics;

/// <summary>One gauge sample for <see cref="PrometheusText"/>.</summary>
internal readonly record struct Gauge(string Name, string Help, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();
}
