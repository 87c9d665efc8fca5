using DemoShop.Metrics;
using Microsoft.Extensions.Options;

namespace DemoShop.Lb;

/// <summary>The configured backends and round-robin over the healthy ones.</summary>
internal sealed class BackendPool(IOptions<ShopOptions> options) : IGaugeSource
{
    private int _next = -1;

    public IReadOnlyList<Backend> All { get; } =
        [.. BackendAddresses.Parse(options.Value.Backends, options.Value.BackendPorts).Select(u => new Backend(u))];

    public bool AnyHealthy => All.Any(b => b.Healthy);

    /// <summary>The next healthy backend other than <paramref name="except"/>, or null when there is none.</summary>
    public Backend? Next(Backend? except = null)
    {
        var healthy = All.Where(b => b.Healthy && b != except).ToList();
        return healthy.Count == 0 ? null : healthy[(int)((uint)Interlocked.Increment(ref _next) % (uint)healthy.Count)];
    }

    public IEnumerable<Gauge> Gauges() => All.Select(b => new Gauge(
        "shop_lb_backend_healthy",
        "1 when the backend passed its last health check.",
        new Dictionary<string, string> { ["backend"] = b.BaseAddress.ToString() },
        b.Healthy ? 1 : 0));
}
