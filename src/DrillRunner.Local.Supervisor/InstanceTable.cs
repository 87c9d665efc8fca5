using System.Collections.Concurrent;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Supervisor;

/// <summary>The instances of one environment; every change is written to the state file.</summary>
internal sealed class InstanceTable(string stateDirectory, int controlPort, string controlToken, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ManagedInstance> _instances = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private readonly long? _startTicks = ProcStat.Read(Environment.ProcessId)?.StartTicks;

    public IReadOnlyList<InstanceRecord> List() =>
        [.. _instances.Values.Select(i => i.Snapshot()).OrderBy(r => r.Launch.Service, StringComparer.Ordinal).ThenBy(r => r.Launch.Index)];

    public InstanceRecord? Find(string id) => _instances.TryGetValue(id, out var instance) ? instance.Snapshot() : null;

    /// <summary>Adds and starts an instance; an existing one is started if it is down (idempotent up).</summary>
    public async Task<InstanceRecord> AddAsync(InstanceLaunch launch, CancellationToken cancellationToken)
    {
        var instance = _instances.GetOrAdd(
            launch.Id,
            _ => new ManagedInstance(launch, StateFiles.LogPath(stateDirectory, launch.Id), timeProvider, Persist));
        await RunAsync(instance, StartAsync, cancellationToken);
        return instance.Snapshot();
    }

    /// <summary>Runs <paramref name="operation"/> under the instance's gate; null when there is no such instance.</summary>
    public async Task<InstanceRecord?> WithInstanceAsync(
        string id, Func<ManagedInstance, Task> operation, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(id, out var instance))
        {
            return null;
        }

        await RunAsync(instance, operation, cancellationToken);
        return instance.Snapshot();
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(id, out var instance))
        {
            return false;
        }

        await RunAsync(instance, i => i.StopAsync(cancellationToken), cancellationToken);
        _instances.TryRemove(id, out _);
        Persist();
        return true;
    }

    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_instances.Values.Select(i => RunAsync(i, x => x.StopAsync(cancellationToken), cancellationToken)));
        Persist();
    }

    public void Persist()
    {
        lock (_writeLock)
        {
            StateFiles.Write(stateDirectory, new SupervisorState
            {
                SupervisorPid = Environment.ProcessId,
                SupervisorStartTicks = _startTicks,
                ControlPort = controlPort,
                ControlToken = controlToken,
                Instances = List(),
            });
        }
    }

    private static Task StartAsync(ManagedInstance instance)
    {
        instance.Start();
        return Task.CompletedTask;
    }

    private static async Task RunAsync(ManagedInstance instance, Func<ManagedInstance, Task> operation, CancellationToken cancellationToken)
    {
        await instance.Gate.WaitAsync(cancellationToken);
        try
        {
            await operation(instance);
        }
        finally
        {
            instance.Gate.Release();
        }
    }
}
