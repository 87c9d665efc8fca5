namespace DemoShop.Metrics;

/// <summary>A component that reports its own gauges on <c>/metrics</c>.</summary>
internal interface IGaugeSource
{
    IEnumerable<Gauge> Gauges();
}
