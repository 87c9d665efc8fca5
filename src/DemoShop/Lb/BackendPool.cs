using DemoShop.Metrics;
using Microsoft.Extensions.Options;

namespace DemoShop.Lb;

/// <summary>
/// The backends and round-robin over the healthy ones. Fixed addresses come from <c>Shop:Backends</c> and
/// <c>Shop:BackendPorts</c> on an IP; with a host name in <c>Shop:BackendHost</c> the pool follows that name (a
/// service's network alias on a container network) each health round.
/// </summary>
internal sealed class BackendPool : IGaugeSource
{
    private readonly BackendDiscovery? _discovery;
    private volatile IReadOnlyList<Backend> _all;
    private int _next = -1;

    public BackendPool(IOptions<ShopOptions> options)
    {
        var settings = options.Value;
        var addresses = BackendAddresses.Parse(settings.Backends, settings.BackendPorts, settings.BackendHost);
        _all = [.. addresses.Fixed.Select(u => new Backend(u))];
        _discovery = addresses.DiscoveredHost is { } host ? new BackendDiscovery(host, addresses.DiscoveredPorts) : null;
    }

    public IReadOnlyList<Backend> All => _all;

    public bool AnyHealthy => All.Any(b => b.Healthy);

    /// <summary>The next healthy backend other than <paramref name="except"/>, or null when there is none.</summary>
    public Backend? Next(Backend? except = null)
    {
        var healthy = All.Where(b => b.Healthy && b != except).ToList();
        return healthy.Count == 0 ? null : healthy[(int)((uint)Interlocked.Increment(ref _next) % (uint)healthy.Count)];
    }

    /// <summary>Follows the discovered host's addresses (no-op with fixed addresses only).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_discovery is not null)
        {
            _all = await _discovery.RefreshAsync(_all, cancellationToken);
        }
    }

    public IEnumerable<Gauge> Gauges() => All.Select(b => new Gauge(
        "shop_lb_backend_healthy",
        "1 when the backend passed its last health check.",
        new Dictionary<string, string> { ["backend"] = b.BaseAddress.ToString() },
        b.Healthy ? 1 : 0));
}
