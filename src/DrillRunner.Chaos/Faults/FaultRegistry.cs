namespace DrillRunner.Chaos.Faults;

/// <summary>
/// The faults the runner switched on, read by the chaos strategies on every call. Expired leases are dropped
/// lazily on each read and by a timer, so a crashed runner cannot leave a fault on.
/// </summary>
internal sealed class FaultRegistry : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, ActiveFault> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _injections = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweeper;

    public FaultRegistry(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweeper = timeProvider.CreateTimer(
            static state => ((FaultRegistry)state!).Snapshot(),
            this,
            ChaosConstants.SweepInterval,
            ChaosConstants.SweepInterval);
    }

    public void Set(ActiveFault fault)
    {
        lock (_lock)
        {
            _faults[fault.Name] = fault;
        }
    }

    public bool Remove(string name)
    {
        lock (_lock)
        {
            return _faults.Remove(name);
        }
    }

    /// <summary>Extends a live fault's lease; false when it is unknown or already expired.</summary>
    public bool Renew(string name, TimeSpan lease)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            DropExpired(now);
            if (!_faults.TryGetValue(name, out var fault))
            {
                return false;
            }

            _faults[name] = fault with { ExpiresAt = now + lease };
            return true;
        }
    }

    public IReadOnlyList<ActiveFault> Snapshot()
    {
        lock (_lock)
        {
            DropExpired(_timeProvider.GetUtcNow());
            return [.. _faults.Values];
        }
    }

    public IReadOnlyDictionary<string, long> Injections()
    {
        lock (_lock)
        {
            return new Dictionary<string, long>(_injections, StringComparer.Ordinal);
        }
    }

    /// <summary>The first live fault of each kind (by name) that applies to a call.</summary>
    public FaultSelection Select(string path, string? dependency)
    {
        lock (_lock)
        {
            DropExpired(_timeProvider.GetUtcNow());
            ActiveFault? latency = null, error = null, outcome = null;
            foreach (var fault in _faults.Values)
            {
                if (!fault.Matches(path, dependency))
                {
                    continue;
                }

                switch (fault.Kind)
                {
                    case FaultKind.Latency: latency ??= fault; break;
                    case FaultKind.Error: error ??= fault; break;
                    default: outcome ??= fault; break;
                }
            }

            return new FaultSelection(latency, error, outcome);
        }
    }

    /// <summary>Current rate of a fault, so a rate changed mid-call by the runner still takes effect.</summary>
    public double CurrentRate(ActiveFault fault)
    {
        lock (_lock)
        {
            return _faults.TryGetValue(fault.Name, out var live) && live.ExpiresAt > _timeProvider.GetUtcNow()
                ? live.Rate
                : 0;
        }
    }

    public void CountInjection(string name)
    {
        lock (_lock)
        {
            _injections[name] = _injections.GetValueOrDefault(name) + 1;
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private void DropExpired(DateTimeOffset now)
    {
        foreach (var expired in _faults.Values.Where(f => f.ExpiresAt <= now).Select(f => f.Name).ToList())
        {
            _faults.Remove(expired);
        }
    }
}
