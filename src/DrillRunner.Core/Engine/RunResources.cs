using System.Collections.Concurrent;

namespace DrillRunner.Engine;

/// <summary>
/// Live objects owned by a run (a traffic generator, a lease renewer). After a crash they are gone, so
/// undo handlers must treat a missing resource as "nothing left to stop".
/// </summary>
public sealed class RunResources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _items = new(StringComparer.Ordinal);

    public void Add(string key, IAsyncDisposable resource) => _items[key] = resource;

    public T? Get<T>(string key)
        where T : class => _items.TryGetValue(key, out var value) ? value as T : null;

    public async Task<bool> StopAsync(string key)
    {
        if (!_items.TryRemove(key, out var resource))
        {
            return false;
        }

        await resource.DisposeAsync();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _items.Keys.ToList())
        {
            await StopAsync(key);
        }
    }
}
