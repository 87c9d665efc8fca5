using Microsoft.Extensions.Options;

namespace DemoShop.App;

/// <summary>
/// The app server's in-process cache, sized by <c>Shop:CacheMegabytes</c> (live): its memory is really held and
/// touched, so a cache sized for a bigger machine meets the instance's memory limit.
/// </summary>
internal sealed class ShopCache : IDisposable
{
    private const int Megabyte = 1 << 20;
    private readonly Lock _gate = new();
    private readonly List<byte[]> _blocks = [];
    private readonly IDisposable? _subscription;

    public ShopCache(IOptionsMonitor<ShopOptions> options)
    {
        Resize(options.CurrentValue.CacheMegabytes);
        _subscription = options.OnChange(o => Resize(o.CacheMegabytes));
    }

    public int Megabytes
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Count;
            }
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private void Resize(int megabytes)
    {
        lock (_gate)
        {
            while (_blocks.Count > Math.Max(0, megabytes))
            {
                _blocks.RemoveAt(_blocks.Count - 1);
            }

            while (_blocks.Count < megabytes)
            {
                var block = GC.AllocateUninitializedArray<byte>(Megabyte);
                Array.Fill(block, (byte)(_blocks.Count + 1));
                _blocks.Add(block);
            }
        }
    }
}
