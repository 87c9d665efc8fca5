using System.Collections.Concurrent;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;

namespace DrillRunner.Testing.Fakes;

/// <summary>
/// An in-memory driver for engine tests: instances with states and settings, a log of every call, and
/// failures that can be armed per operation. Real drivers are tested against real processes and containers.
/// <paramref name="name"/> is the driver name runs record (a factory standing in for <c>local</c> passes "local", so a
/// recovery finds the driver again by the name in the journal).
/// </summary>
public sealed class FakeDriver(EnvironmentSpec environment, string name = "fake")
    : IEnvironmentDriver, IInstanceLifecycle, IInstanceReconfiguration, IServiceScaling, IResourceLimits, ILeftoverSweep
{
    private readonly ConcurrentDictionary<string, InstanceInfo> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResourceLimits> _limits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _leftovers = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    public string Name => name;

    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Makes <paramref name="operation"/> (e.g. "start") throw for <paramref name="instanceId"/> (or "*").</summary>
    public void FailOn(string operation, string instanceId = "*") => _failures[$"{operation}:{instanceId}"] = "armed";

    public void Heal() => _failures.Clear();

    public InstanceInfo this[string id] => _instances[id];

    /// <summary>Called with "operation target" before each mutating call, e.g. to look at the journal at that moment.</summary>
    public Action<string>? BeforeCall { get; set; }

    public Task<DriverAvailability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(DriverAvailability.Available("in memory"));

    public Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        foreach (var service in environment.Services.Values)
        {
            for (var i = 1; i <= service.Instances; i++)
            {
                Add(service, i);
            }
        }

        return Task.CompletedTask;
    }

    public Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        _instances.Clear();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string service, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InstanceInfo>>(_instances.Values.Where(i => i.Service == service).OrderBy(i => i.Id, StringComparer.Ordinal).ToList());

    public Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_instances.TryGetValue(instanceId, out var info) ? info : InstanceInfo.Missing(instanceId, "?"));

    public Task KillAsync(string instanceId, string signal, CancellationToken cancellationToken) => Set("kill", instanceId, InstanceState.Exited);

    public Task CrashAsync(string instanceId, CancellationToken cancellationToken) => Set("crash", instanceId, InstanceState.Exited);

    public Task StopAsync(string instanceId, CancellationToken cancellationToken) => Set("stop", instanceId, InstanceState.Stopped);

    public Task StartAsync(string instanceId, CancellationToken cancellationToken) => Set("start", instanceId, InstanceState.Running);

    public Task PauseAsync(string instanceId, CancellationToken cancellationToken) => Set("pause", instanceId, InstanceState.Paused);

    public Task UnpauseAsync(string instanceId, CancellationToken cancellationToken) => Set("unpause", instanceId, InstanceState.Running);

    public Task RestartAsync(string instanceId, CancellationToken cancellationToken) => Set("restart", instanceId, InstanceState.Running);

    public async Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await Set("reconfigure", instanceId, InstanceState.Running);
        var info = _instances[instanceId];
        var merged = new Dictionary<string, string>(info.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        _instances[instanceId] = info with { Settings = merged };
    }

    /// <summary>Takes an instance away as another process would (an autoscaler scaling in); not a driver call.</summary>
    public Task RemoveAsync(string instanceId)
    {
        _instances.TryRemove(instanceId, out _);
        return Task.CompletedTask;
    }

    public Task ScaleAsync(string service, int replicas, CancellationToken cancellationToken)
    {
        Record("scale", service);
        var spec = environment.Services[service];
        var current = _instances.Values.Count(i => i.Service == service);
        for (var i = current + 1; i <= replicas; i++)
        {
            Add(spec, i);
        }

        for (var i = current; i > replicas; i--)
        {
            _instances.TryRemove(InstanceSettings.InstanceId(environment, spec, i), out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>When true, limits are accepted but never take effect (a driver whose change does not stick).</summary>
    public bool IgnoreLimits { get; set; }

    /// <summary>How many times a sweep ran.</summary>
    public int Sweeps { get; private set; }

    public ResourceLimits LimitsOf(string instanceId) => _limits.GetValueOrDefault(instanceId, new ResourceLimits(null, null));

    /// <summary>Something the next sweep finds and removes, as if a dead run had left it.</summary>
    public void LeaveBehind(string what) => _leftovers.Enqueue(what);

    public Task<ResourceLimits> ReadLimitsAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(LimitsOf(instanceId));

    public Task SetCpuLimitAsync(string instanceId, double? cpus, CancellationToken cancellationToken)
    {
        Record("cpu-limit", instanceId);
        if (!IgnoreLimits)
        {
            _limits[instanceId] = LimitsOf(instanceId) with { Cpus = cpus };
        }

        return Task.CompletedTask;
    }

    public Task SetMemoryLimitAsync(string instanceId, long? bytes, CancellationToken cancellationToken)
    {
        Record("memory-limit", instanceId);
        if (!IgnoreLimits)
        {
            _limits[instanceId] = LimitsOf(instanceId) with { MemoryBytes = bytes };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        Sweeps++;
        if (_failures.ContainsKey("sweep:*"))
        {
            throw new DriverException("injected test failure: sweep");
        }

        var removed = new List<string>();
        while (_leftovers.TryDequeue(out var what))
        {
            removed.Add(what);
        }

        return Task.FromResult<IReadOnlyList<string>>(removed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Add(ServiceSpec service, int index)
    {
        var id = InstanceSettings.InstanceId(environment, service, index);
        _instances[id] = new InstanceInfo(id, service.Name, InstanceState.Running, InstanceHealth.None, InstanceSettings.For(environment, service, index), ProcessId: 1000 + index);
    }

    private Task Set(string operation, string instanceId, InstanceState state)
    {
        Record(operation, instanceId);
        if (!_instances.TryGetValue(instanceId, out var info))
        {
            throw new DriverException($"{instanceId} does not exist");
        }

        _instances[instanceId] = info with { State = state, ProcessId = state == InstanceState.Running ? info.ProcessId + 100 : info.ProcessId };
        return Task.CompletedTask;
    }

    private void Record(string operation, string target)
    {
        BeforeCall?.Invoke($"{operation} {target}");
        _calls.Enqueue($"{operation} {target}");
        if (_failures.ContainsKey($"{operation}:{target}") || _failures.ContainsKey($"{operation}:*"))
        {
            throw new DriverException($"injected test failure: {operation} {target}");
        }
    }
}
